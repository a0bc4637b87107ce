package org.linli.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Service;

/**
 * Lets the people working on one case read it in the engine (its variables on Tasklist's task cards and
 * forms, its history) and their supervisors see it in Cockpit, without opening every case to every worker: per
 * process instance and group, one grant on the running instance and one on its history, which outlives it.
 */
@Service
public class CaseAccess {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final OrgHierarchy hierarchy;

    CaseAccess(AuthorizationService authorizationService, IdentityService identityService, OrgHierarchy hierarchy) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.hierarchy = hierarchy;
    }

    /**
     * Grants {@code groupId} read access to one process instance, and when it is a community or grid group also its
     * street's group: supervisors see in Cockpit the cases of their street, and only those. Runs as the system: the
     * caller (a resident filing a grievance, a job) may not manage authorizations, but the case's own rules decide
     * who works on it.
     */
    public void grantRead(String processInstanceId, String groupId) {
        grant(processInstanceId, groupId);
        hierarchy.streetAbove(groupId).ifPresent(street -> grant(processInstanceId,
                LinliGroups.orgGroup(LinliGroups.OrgLevel.STREET, street)));
    }

    /**
     * The same rule as {@link #grantRead}, for what a case keeps outside the engine (its photos): whether
     * {@code user} works on a case granted to {@code groupIds} — a member of one of them, a member of the street
     * above one of them, or an administrator. Asked of the case's own groups rather than of the engine's grants,
     * which go with the process instance when the case ends.
     */
    public boolean worksOn(CurrentUser user, String... groupIds) {
        if (user.isIn(LinliGroups.ADMINS)) {
            return true;
        }
        for (String groupId : groupIds) {
            if (groupId == null) {
                continue;
            }
            if (user.isIn(groupId) || hierarchy.streetAbove(groupId)
                    .map(street -> user.isIn(LinliGroups.orgGroup(LinliGroups.OrgLevel.STREET, street)))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private void grant(String processInstanceId, String groupId) {
        if (granted(processInstanceId, groupId)) {
            return;
        }
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            save(groupId, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
            save(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    HistoricProcessInstancePermissions.READ);
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private void save(String groupId, Resources resource, String resourceId, Permission permission) {
        Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizationService.saveAuthorization(grant);
    }

    /**
     * Whether the group can already read the instance: stored, or saved earlier in the engine command that is still
     * running (a delegate granting several groups; its inserts are flushed only when the command ends). An instance
     * started by the running command has nothing stored yet, so the database is not asked (an alarm or a grievance
     * grants its first groups as it starts).
     */
    private boolean granted(String processInstanceId, String groupId) {
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            DbEntityManager entities = command.getDbEntityManager();
            for (AuthorizationEntity pending : entities.getCachedEntitiesByType(AuthorizationEntity.class)) {
                if (pending.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
                        && processInstanceId.equals(pending.getResourceId()) && groupId.equals(pending.getGroupId())) {
                    return true;
                }
            }
            ExecutionEntity instance = entities.getCachedEntity(ExecutionEntity.class, processInstanceId);
            if (instance != null && entities.getDbEntityCache().isTransient(instance)) {
                return false;
            }
        }
        return authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).groupIdIn(groupId).count() > 0;
    }
}
