package org.linli.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations each role group needs, granted at start-up and never duplicated.
 * Task access itself comes from the engine's default task permissions for candidate groups.
 */
@Component
@Order(RoleAuthorizations.ORDER)
class RoleAuthorizations implements ApplicationRunner {

    static final int ORDER = 0;

    private final AuthorizationService authorizationService;

    RoleAuthorizations(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String worker : List.of(LinliGroups.CLERKS, LinliGroups.GRID_WORKERS, LinliGroups.DEPARTMENTS)) {
            grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(worker, Resources.FILTER, ANY, Permissions.READ);
            // history (Tasklist's history tab) only of their own cases, granted per case with the case (CaseAccess)
            grant(worker, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            revokeOutdated(worker, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_HISTORY);
            grant(worker, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        }
        grant(LinliGroups.SUPERVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(LinliGroups.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(LinliGroups.SUPERVISORS, Resources.FILTER, ANY, Permissions.READ);
        // instances and their history: only those of their street, granted per case to the street group (CaseAccess)
        grant(LinliGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        revokeOutdated(LinliGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY);
        revokeOutdated(LinliGroups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        // decision tables yes; their evaluations no: they hold every street's residents' incomes and circumstances,
        // and Camunda has no per-instance grant for decision history (a match's reason is in eligibility's own store)
        grant(LinliGroups.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        revokeOutdated(LinliGroups.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
        grant(LinliGroups.SUPERVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // streets and counties ask communities for reports through POST /api/reports (report feature)
        grant(LinliGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, "report-filing",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(LinliGroups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        // residents file grievances through the application API, which starts the process as them
        grant(LinliGroups.RESIDENTS, Resources.PROCESS_DEFINITION, "grievance-handling",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(LinliGroups.RESIDENTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        // residents raise deliberation topics through the application API, which starts the process as them
        grant(LinliGroups.RESIDENTS, Resources.PROCESS_DEFINITION, "deliberation",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        for (Resources resource : Resources.values()) {
            grant(LinliGroups.ADMINS, resource, ANY, Permissions.ALL);
        }
    }

    /** Takes back what an earlier version granted more widely (databases that already have it). */
    private void revokeOutdated(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing == null) {
            return;
        }
        for (Permission permission : permissions) {
            existing.removePermission(permission);
        }
        authorizationService.saveAuthorization(existing);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
