package org.linli.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.BrowserSession;
import org.linli.support.KeycloakIntegrationTest;
import org.linli.support.TestKeycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The application API and the engine REST API with Keycloak bearer tokens, and Tasklist's REST API in a login
 * session: engine authorizations follow the user and realm groups; expired, forged and foreign tokens are refused.
 */
@KeycloakIntegrationTest
class KeycloakApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aResidentsTokenReadsHerOwnCaseOnly() throws Exception {
        String caseNumber = file(TestKeycloak.token("zhang.lan"), "xh01", "井盖丢失");

        ResponseEntity<String> own = Api.bearer(rest, TestKeycloak.token("zhang.lan")).get("/api/grievances/" + caseNumber);
        ResponseEntity<String> other = Api.bearer(rest, TestKeycloak.token("liu.yang")).get("/api/grievances/" + caseNumber);
        ResponseEntity<String> otherTimeline = Api.bearer(rest, TestKeycloak.token("liu.yang"))
                .get("/api/grievances/" + caseNumber + "/timeline");

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains("井盖丢失");
        assertThat(other.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        assertThat(other.getBody()).doesNotContain("井盖丢失");
        assertThat(otherTimeline.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        assertThat(Api.bearer(rest, TestKeycloak.token("wang.fang")).get("/api/grievances/" + caseNumber)
                .getStatusCode()).as("the community's clerk").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aClerkSeesAndClaimsHerCommunitysTasksOnly() throws Exception {
        String clerk = TestKeycloak.token("wang.fang");
        Task own = verificationTask(file(TestKeycloak.token("liu.yang"), "xh01", "路灯不亮"));
        Task foreign = verificationTask(file(TestKeycloak.token("liu.yang"), "xh02", "健身器材损坏"));
        assertThat(foreign.getId()).isNotEqualTo(own.getId());

        JsonNode visible = json.readTree(Api.bearer(rest, clerk).get("/engine-rest/task?maxResults=500").getBody());
        assertThat(visible.findValuesAsText("id")).contains(own.getId()).doesNotContain(foreign.getId());
        assertThat(Api.bearer(rest, clerk).get("/engine-rest/task/" + foreign.getId()).getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        ResponseEntity<String> claimForeign = Api.bearer(rest, clerk)
                .post("/engine-rest/task/" + foreign.getId() + "/claim", "{\"userId\":\"wang.fang\"}");
        assertThat(claimForeign.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(foreign.getId()).singleResult().getAssignee()).isNull();
        assertThat(Api.bearer(rest, clerk).get("/api/grievances?community=xh02").getStatusCode())
                .as("the application API agrees").isEqualTo(HttpStatus.FORBIDDEN);

        BrowserSession tasklist = new BrowserSession(port);
        tasklist.login("/camunda/app/tasklist/default/", "wang.fang");
        List<String> inTasklist = json.readTree(tasklist.get("/camunda/api/engine/engine/default/task?maxResults=500")
                .body()).findValuesAsText("id");
        assertThat(inTasklist).as("Tasklist's own REST API").contains(own.getId()).doesNotContain(foreign.getId());
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + foreign.getId()).statusCode())
                .isIn(403, 404);

        ResponseEntity<String> claimOwn = Api.bearer(rest, clerk)
                .post("/engine-rest/task/" + own.getId() + "/claim", "{\"userId\":\"wang.fang\"}");
        assertThat(claimOwn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isEqualTo("wang.fang");
    }

    @Test
    void refusesMissingExpiredForgedAndForeignTokens() throws Exception {
        String valid = TestKeycloak.token("admin");
        String[] parts = valid.split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("preferred_username", "wang.fang");
        String tampered = parts[0] + "." + base64(json.writeValueAsBytes(claims)) + "." + parts[2];
        String selfSigned = selfSigned(parts[0], claims);
        TestKeycloak.shortLivedClient("linli-test-short-lived", 1);
        String expired = TestKeycloak.token("linli-test-short-lived", "admin");

        for (String path : new String[] {"/api/grievances/categories", "/engine-rest/task"}) {
            assertThat(Api.bearer(rest, valid).get(path).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            ResponseEntity<String> anonymous = Api.anonymous(rest).get(path);
            assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Bearer");
            assertThat(Api.bearer(rest, tampered).get(path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(Api.bearer(rest, selfSigned).get(path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(rest.withBasicAuth("admin", "demo").getForEntity(path, String.class).getStatusCode())
                    .as("no passwords on the API under single sign-on").isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Api.bearer(rest, expired).get("/api/grievances/categories").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThat(Api.bearer(rest, expired).exchange(HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void open311ClientsListTheServicesWithoutAToken() throws Exception {
        ResponseEntity<String> services = Api.anonymous(rest).get("/open311/v2/services.json");
        assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(services.getBody()).findValuesAsText("service_code")).contains("environment");
        assertThat(Api.anonymous(rest).get("/open311/v2/requests.json").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void administratorsOnlyMayClearTheIdentityCache() {
        assertThat(Api.bearer(rest, TestKeycloak.token("wang.fang")).exchange(HttpMethod.DELETE,
                "/api/admin/identity/cache", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.bearer(rest, TestKeycloak.token("admin")).exchange(HttpMethod.DELETE,
                "/api/admin/identity/cache", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String file(String token, String community, String description) throws Exception {
        ResponseEntity<String> filed = Api.bearer(rest, token).post("/api/grievances",
                "{\"category\":\"municipal\",\"description\":\"" + description + "\",\"communityCode\":\"" + community
                        + "\",\"addressText\":\"幸福路1号\"}");
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(filed.getBody()).get("caseNumber").asText();
    }

    private Task verificationTask(String caseNumber) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_VerifyReport").singleResult(),
                task -> task != null);
    }

    private String selfSigned(String header, ObjectNode claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        String signingInput = header + "." + base64(json.writeValueAsBytes(claims));
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64(signature.sign());
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
