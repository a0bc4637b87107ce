package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.linli.web.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Report filing through the real entry points on PostgreSQL: the street asks through /api/reports, community
 * workers and the street reviewer work their tasks through the engine REST API as Tasklist does, the job
 * executor fills the reports, and the submitted and consolidated reports are downloaded.
 */
@IntegrationTest
class ReportApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportFiling filing;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theStreetAsksTwoCommunitiesOneFilesAfterAReturnAndTheDeadlineConsolidatesWhatIsIn() throws Exception {
        Api street = Api.as(rest, "chen.jun");
        ResponseEntity<String> opened = street.post("/api/reports", """
                {"reportType":"population-change","period":"2026-10","deadline":"%s","communities":["xh01","xh02"]}"""
                .formatted(Instant.now().plus(Duration.ofHours(2))));
        assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode status = json.readTree(opened.getBody());
        long id = status.get("id").asLong();
        assertThat(status.get("progress").asText()).isEqualTo("0 / 2");
        String key = "RPT-" + id;

        Task fill = waitForTask(key, "Task_CompleteReport", "community-xh01");
        JsonNode form = json.readTree(Api.as(rest, "wang.fang").get("/engine-rest/task/" + fill.getId()
                + "/form-variables").getBody());
        long births = form.get("births").get("value").asLong();
        assertThat(form.get("communityName").get("value").asText()).isEqualTo("新华社区");
        assertThat(form.get("computedNote").get("value").asText()).contains("人口变动登记：本月出生");
        // a computed figure cannot be overwritten from the form
        complete(fill, "wang.fang", Map.of("births", births + 999, "populationRemarks", "<b>核对无误</b>"));

        Task review = waitForTask(key, "Task_ReviewReport", "street-xh");
        complete(review, "chen.jun", Map.of("reviewDecision", "return", "reviewComment", "请核对迁入人数"));
        JsonNode returned = json.readTree(street.get("/api/reports/" + id).getBody());
        assertThat(returned.at("/communities/0/status").asText()).isEqualTo("RETURNED");
        assertThat(returned.at("/communities/0/returns").asInt()).isEqualTo(1);

        Task again = waitForTask(key, "Task_CompleteReport", "community-xh01");
        complete(again, "wang.fang", Map.of("populationRemarks", "<b>核对无误</b>，迁入已核对"));
        complete(waitForTask(key, "Task_ReviewReport", "street-xh"), "chen.jun", Map.of("reviewDecision", "approve"));

        JsonNode progress = json.readTree(street.get("/api/reports/" + id).getBody());
        assertThat(progress.get("progress").asText()).isEqualTo("1 / 2");
        assertThat(progress.at("/communities/0/status").asText()).isEqualTo("SUBMITTED");
        assertThat(progress.at("/communities/1/status").asText()).isEqualTo("OPEN");

        ResponseEntity<String> csv = Api.as(rest, "li.qiang").get("/api/reports/" + id + "/communities/xh01/csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("出生人数," + births + ",系统计算")
                .contains("备注,<b>核对无误</b>，迁入已核对,人工填报");
        String html = street.get("/api/reports/" + id + "/communities/xh01/html").getBody();
        assertThat(html).contains("&lt;b&gt;核对无误&lt;/b&gt;").contains("状态：已上报").contains("新华社区");
        assertThat(Api.as(rest, "zhao.min").get("/api/reports/" + id + "/communities/xh01/html").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // submitted is final: no further version is accepted
        Integer versions = jdbc.queryForObject("SELECT COUNT(*) FROM rpt_version v JOIN rpt_filing f ON f.id = v.filing_id "
                + "WHERE f.request_id = ? AND f.community_code = 'xh01'", Integer.class, id);
        assertThatThrownBy(() -> filing.saveDraft(id, "xh01", new LinkedHashMap<>(), "wang.fang"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("submitted");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_version v JOIN rpt_filing f ON f.id = v.filing_id "
                + "WHERE f.request_id = ? AND f.community_code = 'xh01'", Integer.class, id)).isEqualTo(versions);

        // the deadline: xh02 is escalated to the street, what is in is consolidated with xh02 marked missing
        String instance = fill.getProcessInstanceId();
        for (Job timer : managementService.createJobQuery().processInstanceId(instance).activityId("Timer_Deadline")
                .list()) {
            managementService.executeJob(timer.getId());
        }
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId("Event_DeadlineReached").singleResult().getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(street.get("/api/reports/" + id).getBody())
                .get("consolidations").size() == 1);
        JsonNode late = json.readTree(street.get("/api/reports/" + id).getBody());
        assertThat(late.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(late.at("/communities/1/overdue").asBoolean()).isTrue();
        assertThat(late.at("/consolidations/0/missing/0").asText()).isEqualTo("和平社区");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bd_notification WHERE recipient = 'street-xh' "
                + "AND title = '社区报表逾期未报' AND reference = ?", Integer.class, key)).isEqualTo(1);
        String consolidated = street.get("/api/reports/" + id + "/consolidated/csv").getBody();
        assertThat(consolidated).contains("已报送,1/2").contains("新华社区,已报送," + births + ",")
                .contains("和平社区,未报送");
        // the late community still files
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("community-xh02")
                .count()).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM rpt_request", Integer.class);
        String future = Instant.now().plus(Duration.ofDays(3)).toString();

        assertProblem(Api.as(rest, "chen.jun").post("/api/reports", body("no-such-report", "2026-10", future, "xh01")),
                HttpStatus.BAD_REQUEST, "RPT-001");
        assertProblem(Api.as(rest, "chen.jun").post("/api/reports", body("population-change", "2026-13", future, "xh01")),
                HttpStatus.BAD_REQUEST, "RPT-005");
        assertProblem(Api.as(rest, "chen.jun").post("/api/reports",
                body("population-change", "2026-10", "2020-01-01T00:00:00Z", "xh01")), HttpStatus.BAD_REQUEST, "RPT-005");
        assertProblem(Api.as(rest, "chen.jun").post("/api/reports", body("population-change", "2026-10", future, "zz99")),
                HttpStatus.BAD_REQUEST, "RPT-005");
        assertProblem(Api.as(rest, "wang.fang").post("/api/reports", body("population-change", "2026-10", future, "xh01")),
                HttpStatus.FORBIDDEN, "RPT-006");
        assertProblem(Api.as(rest, "chen.jun").post("/api/reports", "{\"reportType\":\"population-change\"}"),
                HttpStatus.BAD_REQUEST, "API-400");
        assertProblem(Api.as(rest, "liu.yang").get("/api/reports/999999"), HttpStatus.NOT_FOUND, "RPT-002");
        assertThat(Api.anonymous(rest).get("/api/reports/types").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_request", Integer.class)).isEqualTo(before);
    }

    @Test
    void theTypesSayWhichFiguresAreComputedAndFromWhat() throws Exception {
        JsonNode types = json.readTree(Api.as(rest, "wang.fang").get("/api/reports/types").getBody());

        assertThat(types).hasSize(4);
        JsonNode rental = null;
        for (JsonNode type : types) {
            if (type.get("code").asText().equals("rental-inspection")) {
                rental = type;
            }
        }
        assertThat(rental.get("standard").asBoolean()).isFalse();
        assertThat(rental.at("/fields/2/source").asText()).isEqualTo("SUGGESTED");
        assertThat(rental.at("/fields/2/from").asText()).isEqualTo("出租屋检查记录：本月检查次数");
    }

    private static String body(String type, String period, String deadline, String community) {
        return """
                {"reportType":"%s","period":"%s","deadline":"%s","communities":["%s"]}"""
                .formatted(type, period, deadline, community);
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).contains("\"code\":\"" + code + "\"");
    }

    private Task waitForTask(String businessKey, String taskKey, String candidateGroup) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).taskCandidateGroup(candidateGroup)
                .singleResult(), task -> task != null);
    }

    /** Completes a task through the engine REST API as {@code user}, as Tasklist does. */
    private void complete(Task task, String user, Map<String, Object> variables) throws Exception {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        variables.forEach((name, value) -> wrapped.put(name, Map.of("value", value)));
        ResponseEntity<String> response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
                json.writeValueAsString(Map.of("variables", wrapped)));
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getStatusCode() + " " + response.getBody())
                .isTrue();
    }
}
