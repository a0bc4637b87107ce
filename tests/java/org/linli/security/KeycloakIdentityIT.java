package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.KeycloakIntegrationTest;
import org.linli.support.TestKeycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The engine's users and groups come from the Keycloak realm (read-only), with the ids BPMN candidate groups use;
 * a wrong password is a refusal; a membership changed in Keycloak counts once the plugin's cache is cleared.
 */
@KeycloakIntegrationTest
class KeycloakIdentityIT {

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    TestRestTemplate rest;

    @Test
    void usersAndGroupsComeFromTheRealm() {
        assertThat(identityService.isReadOnly()).isTrue();
        assertThat(identityService.createUserQuery().userId("wang.fang").singleResult().getEmail())
                .isEqualTo("wang.fang@demo.linli.invalid");
        assertThat(groupsOf("li.qiang")).containsExactlyInAnyOrder("grid-workers", "community-xh01", "grid-xh01-01");
        assertThat(groupsOf("qian.hui")).contains("dept-civil-affairs", "dept-disabled-persons");
        assertThat(identityService.createUserQuery().memberOfGroup(LinliGroups.RESIDENTS).list()).hasSize(2);
        assertThat(canAccess("wang.fang", "tasklist")).isTrue();
        assertThat(canAccess("chen.jun", "cockpit")).isTrue();
        assertThat(canAccess("liu.yang", "tasklist")).isFalse();
        assertThat(canAccess("liu.yang", "cockpit")).isFalse();
    }

    @Test
    void aWrongPasswordIsARefusalNotAnError() {
        assertThat(identityService.checkPassword("wang.fang", "demo")).isTrue();
        assertThat(identityService.checkPassword("wang.fang", "not-demo")).isFalse();
        assertThat(identityService.checkPassword("nobody", "demo")).isFalse();
    }

    @Test
    void aMembershipChangedInKeycloakCountsAfterTheCacheIsCleared() {
        assertThat(groupsOf("wang.fang")).doesNotContain("community-xh02");
        TestKeycloak.join("wang.fang", "community-xh02");
        try {
            assertThat(groupsOf("wang.fang")).as("cached").doesNotContain("community-xh02");
            assertThat(Api.bearer(rest, TestKeycloak.token("admin")).exchange(HttpMethod.DELETE,
                    "/api/admin/identity/cache", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

            assertThat(groupsOf("wang.fang")).contains("community-xh02");
            assertThat(Api.bearer(rest, TestKeycloak.token("wang.fang")).get("/api/grievances?community=xh02")
                    .getStatusCode()).as("her next request has the new group").isEqualTo(HttpStatus.OK);
        } finally {
            TestKeycloak.leave("wang.fang", "community-xh02");
            Api.bearer(rest, TestKeycloak.token("admin")).exchange(HttpMethod.DELETE, "/api/admin/identity/cache", null);
        }
        assertThat(groupsOf("wang.fang")).doesNotContain("community-xh02");
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private boolean canAccess(String userId, String application) {
        return authorizationService.isUserAuthorized(userId, groupsOf(userId), Permissions.ACCESS,
                Resources.APPLICATION, application);
    }
}
