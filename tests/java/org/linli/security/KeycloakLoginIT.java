package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.support.BrowserSession;
import org.linli.support.KeycloakIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser logins through Keycloak's real login form (authorization code flow): each webapp for its role, logout
 * that ends the Keycloak session too, residents kept out of the webapps, and the dashboard behind the same login.
 */
@KeycloakIntegrationTest
class KeycloakLoginIT {

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"tasklist, wang.fang", "cockpit, chen.jun", "admin, admin"})
    void logsInToAWebappAndOutOfKeycloak(String app, String user) throws Exception {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> page = browser.login("/camunda/app/" + app + "/default/", user);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/camunda/app/" + app);
        assertThat(page.body()).contains("<html");
        JsonNode session = json.readTree(browser.get("/camunda/api/admin/auth/user/default").body());
        assertThat(session.get("userId").asText()).isEqualTo(user);
        assertThat(session.get("authorizedApps").toString()).contains(app);

        HttpResponse<String> loggedOut = browser.post("/camunda/api/admin/auth/user/default/logout");

        assertThat(BrowserSession.isLoginForm(loggedOut)).as("back at Keycloak's login form, not signed in again: %s %s",
                loggedOut.statusCode(), loggedOut.uri()).isTrue();
        assertThat(BrowserSession.isLoginForm(browser.page("/camunda/app/" + app + "/default/"))).isTrue();
    }

    @Test
    void residentsCannotUseTheWebapps() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> tasklist = browser.login("/camunda/app/tasklist/default/", "liu.yang");

        assertThat(tasklist.statusCode()).isEqualTo(403);
        assertThat(browser.page("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(403);
    }

    @Test
    void theDashboardAsksForTheSameLogin() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> dashboard = browser.login("/dashboard/index.html", "chen.jun");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("数据驾驶舱");
        HttpResponse<String> communities = browser.get("/api/basedata/communities");
        assertThat(communities.statusCode()).as("its script reads the API with the login session").isEqualTo(200);
        assertThat(communities.body()).contains("xh01");
        assertThat(browser.post("/api/grievances").statusCode()).as("but changes nothing without a token")
                .isEqualTo(401);
    }

    @Test
    void residentsLogInToThePortalAtKeycloakAndOutOfBoth() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        JsonNode options = json.readTree(browser.get("/portal/login-options").body());
        assertThat(options.get("singleSignOn").asBoolean()).isTrue();

        HttpResponse<String> portal = browser.login(options.get("start").asText(), "liu.yang");

        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.uri().getPath()).isEqualTo("/portal/");
        HttpResponse<String> me = browser.get("/portal/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("userId").asText()).isEqualTo("liu.yang");

        HttpResponse<String> loggedOut = browser.postWithCsrf("/portal/logout", "PORTAL-XSRF-TOKEN",
                "X-PORTAL-XSRF-TOKEN");
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(200);
        String endSession = json.readTree(loggedOut.body()).get("endSession").asText();
        assertThat(endSession).contains("/protocol/openid-connect/logout").contains("id_token_hint=");
        assertThat(browser.get("/portal/api/me").statusCode()).as("the portal's session ended").isEqualTo(401);
        HttpResponse<String> back = browser.pageAt(endSession);
        assertThat(back.uri().getPath()).as("Keycloak sends the browser back to the portal").isEqualTo("/portal/");
        assertThat(BrowserSession.isLoginForm(browser.page(options.get("start").asText())))
                .as("and Keycloak's session ended too: its login form again").isTrue();
    }

    @Test
    void staffAreSentBackFromThePortal() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        String start = json.readTree(browser.get("/portal/login-options").body()).get("start").asText();

        HttpResponse<String> refused = browser.login(start, "wang.fang");

        assertThat(refused.request().uri().toString()).endsWith("/portal/#/login?refused=staff");
        assertThat(browser.get("/portal/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordStaysAtTheLoginForm() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> form = browser.page("/camunda/app/tasklist/default/");
        HttpResponse<String> refused = browser.submitLogin(form, "wang.fang", "not-demo");

        assertThat(BrowserSession.isLoginForm(refused)).isTrue();
        assertThat(BrowserSession.isLoginForm(browser.page("/camunda/app/tasklist/default/"))).as("still not logged in")
                .isTrue();
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).doesNotContain("wang.fang");
    }
}
