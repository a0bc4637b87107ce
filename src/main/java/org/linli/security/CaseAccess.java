package org.linli.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Lets the people working on one case read it in the engine (its variables on Tasklist's task cards and
 * forms), without opening every case to every worker: one grant per process instance and group.
 */
@Service
public class CaseAccess {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    CaseAccess(AuthorizationService authorizationService, IdentityService identityService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    /**
     * Grants {@code groupId} read access to one process instance. Runs as the system: the caller (a resident
     * filing a grievance, a job) may not manage authorizations, but the case's own rules decide who works on it.
     */
    public void grantRead(String processInstanceId, String groupId) {
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).groupIdIn(groupId).count() > 0) {
            return;
        }
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.PROCESS_INSTANCE);
            grant.setResourceId(processInstanceId);
            grant.addPermission(ProcessInstancePermissions.READ);
            authorizationService.saveAuthorization(grant);
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
