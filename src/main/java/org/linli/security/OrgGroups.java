package org.linli.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Service;

/**
 * Keeps one Camunda group per unit of the community hierarchy, so that BPMN candidate groups can name a
 * community or grid. When identity comes from a read-only provider (Keycloak) the groups live there.
 */
@Service
public class OrgGroups {

    private final IdentityService identityService;

    OrgGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Creates the group of a hierarchy unit, or renames it; answers its id. */
    public String ensure(OrgLevel level, String code, String name) {
        String id = LinliGroups.orgGroup(level, code);
        if (identityService.isReadOnly()) {
            return id;
        }
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
        }
        group.setName(name);
        group.setType(level.groupType());
        identityService.saveGroup(group);
        return id;
    }
}
