package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal API over a real session, as the page uses it: who may log in, CSRF, a resident's tasks and nobody
 * else's, form data limited to what the form shows, checked input, and submissions that run once per key.
 */
@IntegrationTest
class PortalApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void onlyResidentsLogIn() throws Exception {
        PortalSession anonymous = PortalSession.anonymous(port);
        assertProblem(anonymous.get("/portal/api/me"), 401, "PTL-401");
        // an unknown user: a wrong password would make the engine delay the next logins of that user
        assertProblem(anonymous.login("nobody.here", "demo"), 401, "PTL-005");
        assertProblem(anonymous.login("wang.fang", "demo"), 403, "PTL-004");
        assertProblem(anonymous.get("/portal/api/me"), 401, "PTL-401");

        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        JsonNode me = json.readTree(liu.get("/portal/api/me").body());
        assertThat(me.get("name").asText()).isEqualTo("刘洋");
        assertThat(me.get("address").asText()).contains("幸福路12号");
        assertThat(me.get("communityCode").asText()).isEqualTo("xh01");
        assertThat(liu.get("/engine-rest/task").statusCode()).as("the portal session opens no engine REST API")
                .isEqualTo(401);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        String description = "伪造请求 " + UUID.randomUUID();
        assertProblem(liu.postWithoutCsrf("/portal/api/grievances", fileBody(description)), 403, "PTL-403");
        assertThat(casesDescribed(description)).isZero();
    }

    @Test
    void aResidentCompletesOnlyTheirOwnTaskWithCheckedInputOncePerKey() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        PortalSession zhang = PortalSession.loggedIn(port, "zhang.lan");
        String caseNumber = fileAndHandle(liu, "单元门禁坏了 " + UUID.randomUUID());

        JsonNode tasks = json.readTree(liu.get("/portal/api/tasks").body());
        String taskId = null;
        for (JsonNode t : tasks) {
            if (t.get("reference").asText().equals(caseNumber)) {
                taskId = t.get("id").asText();
                assertThat(t.get("kind").asText()).isEqualTo("RATE_GRIEVANCE");
            }
        }
        assertThat(taskId).as(tasks.toString()).isNotNull();
        assertThat(json.readTree(zhang.get("/portal/api/tasks").body()).toString()).doesNotContain(taskId);

        String tasksPath = "/portal/api/tasks/" + taskId;
        assertProblem(zhang.get(tasksPath), 404, "PTL-003");
        assertProblem(zhang.post(tasksPath + "/submission", "{\"rating\":1}", key()), 404, "PTL-003");
        assertProblem(zhang.get("/portal/api/grievances/" + caseNumber), 404, "GRV-002");

        JsonNode form = json.readTree(liu.get(tasksPath).body());
        assertThat(form.at("/schema/id").asText()).isEqualTo("grievance-handling-rate");
        assertThat(form.at("/data/caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(form.at("/data/measures").asText()).isEqualTo("已修好门禁");
        assertThat(form.get("data").has("communityGroup")).as("only what the form shows").isFalse();
        assertThat(form.get("data").has("reporterUserId")).isFalse();

        assertProblem(liu.post(tasksPath + "/submission", "{\"rating\":5}", null), 400, "PTL-001");
        HttpResponse<String> outOfRange = liu.post(tasksPath + "/submission", "{\"rating\":9,\"ratingComment\":\""
                + "字".repeat(501) + "\"}", key());
        assertProblem(outOfRange, 400, "PTL-006");
        assertThat(json.readTree(outOfRange.body()).get("detail").asText()).contains("满意度最高 5 分")
                .contains("评价意见最多 500 字");
        assertProblem(liu.post(tasksPath + "/submission", "{\"rating\":\"很好\"}", key()), 400, "PTL-006");

        String key = key();
        HttpResponse<String> rated = liu.post(tasksPath + "/submission", "{\"rating\":4,\"solved\":true}", key);
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(rated.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        HttpResponse<String> again = liu.post(tasksPath + "/submission", "{\"rating\":4,\"solved\":true}", key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(again.body())).isEqualTo(json.readTree(rated.body()));
        assertProblem(liu.post(tasksPath + "/submission", "{\"rating\":1,\"solved\":false}", key), 409, "PTL-002");
        assertProblem(liu.post(tasksPath + "/submission", "{\"rating\":1,\"solved\":false}", key()), 404, "PTL-003");
        // the rating is recorded by the process's next (asynchronous) step
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT rating FROM grv_case WHERE case_number = ?", Integer.class, caseNumber), rating -> rating != null
                && rating == 4);
    }

    @Test
    void twoCopiesOfOneSubmissionFileOneCase() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        String description = "路灯不亮 " + UUID.randomUUID();
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpResponse<String>> file = () -> liu.post("/portal/api/grievances", fileBody(description), key);
            List<Future<HttpResponse<String>>> both = pool.invokeAll(List.of(file, file));
            JsonNode first = json.readTree(both.get(0).get().body());
            JsonNode second = json.readTree(both.get(1).get().body());
            assertThat(both.get(0).get().statusCode()).as(both.get(0).get().body()).isEqualTo(201);
            assertThat(both.get(1).get().statusCode()).as(both.get(1).get().body()).isEqualTo(201);
            assertThat(first.get("caseNumber").asText()).isEqualTo(second.get("caseNumber").asText());
        } finally {
            pool.shutdown();
        }
        assertThat(casesDescribed(description)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInChineseAndFilesNothing() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        HttpResponse<String> empty = liu.post("/portal/api/grievances", "{\"place\":\"registered\"}", key());
        assertProblem(empty, 400, "API-400");
        assertThat(empty.body()).contains("请描述遇到的问题").contains("请选择问题类别");
        String description = "地点没填 " + UUID.randomUUID();
        assertProblem(liu.post("/portal/api/grievances", "{\"category\":\"environment\",\"description\":\"" + description
                + "\",\"place\":\"other\"}", key()), 400, "PTL-007");
        assertProblem(liu.post("/portal/api/grievances", "{\"category\":\"nonsense\",\"description\":\"" + description
                + "\",\"place\":\"registered\"}", key()), 400, "GRV-001");
        assertThat(casesDescribed(description)).isZero();
        assertProblem(liu.get("/portal/api/forms/grievance-handling-verify"), 404, "PTL-008");
        assertThat(json.readTree(liu.get("/portal/api/forms/grievance-handling-report").body()).get("id").asText())
                .isEqualTo("grievance-handling-report");
    }

    @Test
    void aResidentProposesATopicOnceAndSeesItOnTheBoard() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        String title = "楼下增设快递柜 " + UUID.randomUUID().toString().substring(0, 6);
        String body = """
                {"title":"%s","description":"快递经常堆在楼道","topicType":"public-space","communityCode":"xh01",
                 "affectedArea":"xh01-01/幸福路12号/3"}""".formatted(title);
        String key = key();
        HttpResponse<String> proposed = liu.post("/portal/api/deliberations", body, key);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String topic = json.readTree(proposed.body()).get("topicNumber").asText();
        assertThat(json.readTree(liu.post("/portal/api/deliberations", body, key).body()).get("topicNumber").asText())
                .as("a retry proposes nothing new").isEqualTo(topic);

        JsonNode view = json.readTree(liu.get("/portal/api/deliberations/" + topic).body());
        assertThat(view.get("proposedByMe").asBoolean()).isTrue();
        assertThat(view.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(liu.get("/portal/api/deliberations").body()).contains(topic);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dlb_topic WHERE title = ?", Integer.class, title))
                .isEqualTo(1);
        assertProblem(liu.post("/portal/api/deliberations", "{\"title\":\"\"}", key()), 400, "API-400");
    }

    private String fileAndHandle(PortalSession resident, String description) throws Exception {
        HttpResponse<String> filed = resident.post("/portal/api/grievances", fileBody(description), key());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseNumber = json.readTree(filed.body()).get("caseNumber").asText();
        complete(task(caseNumber, "Task_VerifyReport"), "wang.fang", "{\"verifyOutcome\":{\"value\":\"ACCEPT\"}}");
        complete(task(caseNumber, "Task_HandleGrievance"), "zhao.min",
                "{\"handleOutcome\":{\"value\":\"DONE\"},\"measures\":{\"value\":\"已修好门禁\"}}");
        task(caseNumber, "Task_RateHandling");
        return caseNumber;
    }

    private static String fileBody(String description) {
        return "{\"category\":\"environment\",\"description\":\"" + description + "\",\"place\":\"registered\"}";
    }

    private int casesDescribed(String description) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM grv_case WHERE description = ?", Integer.class, description);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private Task task(String businessKey, String taskKey) {
        return new StaffSteps(taskService, rest).task(businessKey, taskKey);
    }

    private void complete(Task task, String user, String variables) {
        new StaffSteps(taskService, rest).complete(task, user, variables);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("code").asText()).as(response.body()).isEqualTo(code);
    }
}
