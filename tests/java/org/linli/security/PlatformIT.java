package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a user sees right after start: webapps, demo logins, guarded APIs, probes and metrics. */
@IntegrationTest
class PlatformIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    CaseAccess caseAccess;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    /**
     * Wrong passwords count towards the engine's login delay for that user; other test classes in this context
     * log in as wang.fang right after, so her account is unlocked again.
     */
    @AfterEach
    void forgetFailedLogins() {
        identityService.unlockUser("wang.fang");
    }

    @Test
    void engineRestRefusesAnonymousCallers() {
        ResponseEntity<String> anonymous = Api.anonymous(rest).get("/engine-rest/process-definition");
        ResponseEntity<String> wrongPassword = rest.withBasicAuth("wang.fang", "wrong")
                .getForEntity("/engine-rest/process-definition", String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAnswersADemoUser() {
        ResponseEntity<String> groups = Api.as(rest, "li.qiang").get("/engine-rest/group?member=li.qiang");

        assertThat(groups.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(groups.getBody()).contains("grid-workers", "community-xh01", "grid-xh01-01");
    }

    @Test
    void servesTheWebapps() {
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
            assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as(app).contains("<html");
        }
    }

    @Test
    void webappLoginAcceptsDemoUsersOnly() {
        assertThat(identityService.checkPassword("wang.fang", "demo")).isTrue();
        assertThat(identityService.checkPassword("wang.fang", "not-demo")).isFalse();
    }

    @Test
    void everyRoleHasADemoUser() {
        for (String group : List.of(LinliGroups.CLERKS, LinliGroups.GRID_WORKERS, LinliGroups.DEPARTMENTS,
                LinliGroups.SUPERVISORS, LinliGroups.ADMINS)) {
            assertThat(identityService.createUserQuery().memberOfGroup(group).count()).as(group).isPositive();
        }
        assertThat(identityService.createUserQuery().memberOfGroup(LinliGroups.RESIDENTS).count()).isEqualTo(2);
    }

    @Test
    void groupsModelTheCommunityHierarchy() {
        assertThat(identityService.createGroupQuery().groupType("county").list()).extracting(Group::getId)
                .contains("county-sf");
        assertThat(identityService.createGroupQuery().groupType("street").list()).extracting(Group::getId)
                .contains("street-xh");
        assertThat(identityService.createGroupQuery().groupType("community").list()).extracting(Group::getId)
                .contains("community-xh01", "community-xh02");
        assertThat(identityService.createGroupQuery().groupType("grid").list()).extracting(Group::getId)
                .contains("grid-xh01-01", "grid-xh01-02", "grid-xh02-01");
        assertThat(identityService.createGroupQuery().groupId("community-xh01").singleResult().getName())
                .isEqualTo("新华社区");
    }

    @Test
    void rolesReachOnlyTheirApplications() {
        assertThat(canAccess("wang.fang", "tasklist")).isTrue();
        assertThat(canAccess("wang.fang", "cockpit")).isFalse();
        assertThat(canAccess("chen.jun", "cockpit")).isTrue();
        assertThat(canAccess("liu.yang", "tasklist")).isFalse();
        assertThat(canAccess("admin", "admin")).isTrue();
    }

    @Test
    void supervisorsReadTheCasesOfTheirOwnStreetOnly() {
        String communityCase = "access-" + UUID.randomUUID();
        String gridCase = "access-" + UUID.randomUUID();
        caseAccess.grantRead(communityCase, "community-xh01");
        caseAccess.grantRead(gridCase, "grid-xh02-01");

        for (String instance : List.of(communityCase, gridCase)) {
            assertThat(readsInstance("chen.jun", List.of("supervisors", "street-xh"), instance)).isTrue();
            assertThat(readsHistory("chen.jun", List.of("supervisors", "street-xh"), instance)).isTrue();
            assertThat(readsInstance("other.street", List.of("supervisors", "street-yy"), instance)).isFalse();
            assertThat(readsHistory("other.street", List.of("supervisors", "street-yy"), instance)).isFalse();
        }
        assertThat(readsInstance("chen.jun", List.of("supervisors", "street-xh"), "access-never-granted")).isFalse();
        assertThat(readsHistory("chen.jun", List.of("supervisors", "street-xh"), "access-never-granted")).isFalse();
        assertThat(authorizationService.isUserAuthorized("chen.jun", List.of("supervisors", "street-xh"),
                Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "grievance-handling"))
                .as("no history of every case of a process").isFalse();
        assertThat(authorizationService.isUserAuthorized("chen.jun", List.of("supervisors", "street-xh"),
                Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, "eligibility-policies"))
                .as("no evaluations of the eligibility tables (every street's incomes)").isFalse();
    }

    @Test
    void aSupervisorsHistoryQueryAnswersOnlyTheCasesTheirStreetWasGiven() throws Exception {
        String ours = fileGrievance();
        String notOurs = fileGrievance();
        // as if the second case were another street's: the street's grant on its history is taken away
        authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                .resourceId(notOurs).groupIdIn("street-xh").list()
                .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));

        JsonNode history = json.readTree(Api.as(rest, "chen.jun").get(
                "/engine-rest/history/process-instance?processDefinitionKey=grievance-handling&maxResults=100000")
                .getBody());
        assertThat(history.findValuesAsText("id")).contains(ours).doesNotContain(notOurs);
    }

    private String fileGrievance() throws Exception {
        String filed = Api.as(rest, "liu.yang").post("/api/grievances", """
                {"category":"environment","description":"路灯不亮","communityCode":"xh01","addressId":1}""").getBody();
        return jdbc.queryForObject("SELECT process_instance_id FROM grv_case WHERE case_number = ?", String.class,
                json.readTree(filed).get("caseNumber").asText());
    }

    private boolean readsInstance(String user, List<String> groups, String processInstanceId) {
        return authorizationService.isUserAuthorized(user, groups, Permissions.READ, Resources.PROCESS_INSTANCE,
                processInstanceId);
    }

    private boolean readsHistory(String user, List<String> groups, String processInstanceId) {
        return authorizationService.isUserAuthorized(user, groups, HistoricProcessInstancePermissions.READ,
                Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
    }

    @Test
    void exposesProbesAndMetricsButNothingElse() {
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getBody()).contains("UP");
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getBody())
                .contains("jvm_memory_used_bytes").contains("application=\"linli\"");
        assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode().is2xxSuccessful()).isFalse();
    }

    private boolean canAccess(String userId, String application) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return authorizationService.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION,
                application);
    }
}
