package org.linli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.basedata.IdCardNumber;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes people make through the real entry points land in the audit log with who, for whom, how and where:
 * a case filed through the API and worked in Tasklist (engine REST), a variable corrected in Cockpit, a base-data
 * edit, a clerk reading a resident's record, and a clerk filing for a resident at the counter (代办), which the
 * resident also sees in their timeline.
 */
@IntegrationTest
class AuditedWritesIT {

    static final String GRIEVANCE = """
            {"category":"environment","description":"楼道灯坏了","communityCode":"xh01","addressId":1%s}""";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aCaseFiledAndWorkedIsAuditedWithItsActors() throws Exception {
        ResponseEntity<String> filed = Api.as(rest, "liu.yang").post("/api/grievances", GRIEVANCE.formatted(""));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM grv_case WHERE case_number = ?",
                String.class, caseNumber);

        Map<String, Object> created = entry("case.created", instance);
        assertThat(created).containsEntry("actor", "liu.yang").containsEntry("channel", "api")
                .containsEntry("object_type", "grievance-handling").containsEntry("community_code", "xh01");

        Task verify = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey("Task_VerifyReport").singleResult(), t -> t != null);
        ResponseEntity<String> completed = Api.as(rest, "wang.fang").post("/engine-rest/task/" + verify.getId()
                + "/complete", "{\"variables\":{\"verifyOutcome\":{\"value\":\"ACCEPT\"}}}");
        assertThat(completed.getStatusCode().is2xxSuccessful()).as(completed.getBody()).isTrue();

        assertThat(entry("task.completed", instance)).containsEntry("actor", "wang.fang")
                .containsEntry("channel", "engine-rest").containsEntry("detail", "Task_VerifyReport")
                .containsEntry("community_code", "xh01");
        // the supervisor of the street finds it by object
        JsonNode found = json.readTree(Api.as(rest, "chen.jun")
                .get("/api/audit?objectType=grievance-handling&objectId=" + instance).getBody());
        assertThat(found.findValuesAsText("action")).contains("case.created", "task.completed");
    }

    @Test
    void aCaseVariableCorrectedInCockpitAndABaseDataEditAreAuditedButTheEnginesOwnChangesAreNot() throws Exception {
        ResponseEntity<String> filed = Api.as(rest, "liu.yang").post("/api/grievances", GRIEVANCE.formatted(""));
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM grv_case WHERE case_number = ?",
                String.class, caseNumber);

        ResponseEntity<String> corrected = Api.as(rest, "admin").exchange(HttpMethod.PUT,
                "/engine-rest/process-instance/" + instance + "/variables/description",
                "{\"value\":\"楼道灯坏了（三楼）\",\"type\":\"String\"}");
        assertThat(corrected.getStatusCode().is2xxSuccessful()).as(corrected.getBody()).isTrue();
        List<Map<String, Object>> changes = jdbc.queryForList(
                "SELECT * FROM aud_entry WHERE action = 'variable.changed' AND object_id = ?", instance);
        assertThat(changes).as("only the person's change, none of the engine's").singleElement().satisfies(change ->
                assertThat(change).containsEntry("actor", "admin").containsEntry("channel", "engine-rest")
                        .containsEntry("detail", "description").containsEntry("community_code", "xh01"));

        long unique = System.nanoTime();
        String resident = String.valueOf(register("审计测试", "330106" + (1960 + unique % 40) + "0101"
                + String.format("%03d", unique % 1000)));
        assertThat(entry("resident.registered", resident)).containsEntry("actor", "wang.fang")
                .containsEntry("community_code", "xh01");
        ResponseEntity<String> edited = Api.as(rest, "wang.fang").exchange(HttpMethod.PUT,
                "/api/basedata/residents/" + resident + "/circumstances", "{\"livingAlone\":true}");
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(entry("resident.circumstances-changed", resident)).containsEntry("actor", "wang.fang")
                .containsEntry("object_type", "resident").containsEntry("community_code", "xh01");
        // a refused edit changes nothing and records nothing
        assertThat(Api.as(rest, "liu.yang").exchange(HttpMethod.PUT, "/api/basedata/residents/" + resident
                + "/circumstances", "{\"livingAlone\":false}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        entry("resident.circumstances-changed", resident);
    }

    @Test
    void aClerkReadingAResidentsRecordIsAudited() {
        long liu = jdbc.queryForObject("SELECT id FROM bd_resident WHERE user_id = 'liu.yang'", Long.class);
        assertThat(Api.as(rest, "wang.fang").get("/api/basedata/residents/" + liu).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(entry("resident.read", String.valueOf(liu))).containsEntry("actor", "wang.fang")
                .containsEntry("object_type", "resident").containsEntry("community_code", "xh01");
    }

    @Test
    void aClerkFilesForAResidentWithConsentAndTheResidentSeesWhoFiledIt() throws Exception {
        Api clerk = Api.as(rest, "wang.fang");
        long casesBefore = jdbc.queryForObject("SELECT count(*) FROM grv_case", Long.class);

        assertProblem(clerk.post("/api/grievances", GRIEVANCE.formatted(",\"onBehalfOf\":\"liu.yang\"")),
                HttpStatus.BAD_REQUEST, "BD-021");
        assertProblem(clerk.post("/api/grievances", GRIEVANCE.formatted(",\"onBehalfOf\":\"nobody\",\"consent\":true")),
                HttpStatus.NOT_FOUND, "BD-022");
        assertProblem(Api.as(rest, "li.qiang").post("/api/grievances",
                GRIEVANCE.formatted(",\"onBehalfOf\":\"liu.yang\",\"consent\":true")), HttpStatus.FORBIDDEN, "BD-020");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM grv_case", Long.class)).isEqualTo(casesBefore);

        ResponseEntity<String> filed = clerk.post("/api/grievances",
                GRIEVANCE.formatted(",\"onBehalfOf\":\"liu.yang\",\"consent\":true"));
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();

        assertThat(entry("grievance.filed", caseNumber)).containsEntry("actor", "wang.fang")
                .containsEntry("on_behalf_of", "liu.yang").containsEntry("channel", "counter")
                .containsEntry("reason", "resident consented").containsEntry("community_code", "xh01");
        ResponseEntity<String> timeline = Api.as(rest, "liu.yang").get("/api/grievances/" + caseNumber + "/timeline");
        assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(timeline.getBody()).findValuesAsText("text"))
                .anySatisfy(text -> assertThat(text).contains("由王芳代为提交"));
    }

    @Test
    void aClerkAnswersABenefitOfferForAResidentWithoutAnAccountOnlyWithConsent() throws Exception {
        Api clerk = Api.as(rest, "wang.fang");
        long resident = register("代办测试",
                "330106193805" + String.format("%02d", 10 + (int) (System.nanoTime() % 18)) + "214");
        clerk.post("/api/eligibility/sweeps", "");
        // 88 years old: the old-age allowance; the clerk verifies it in Tasklist
        Map<String, Object> match = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT id, process_instance_id FROM elg_match WHERE resident_id = ? AND policy = 'old-age'"
                        + " AND process_instance_id IS NOT NULL", resident), rows -> rows.size() == 1).get(0);
        String instance = (String) match.get("process_instance_id");
        long offer = ((Number) match.get("id")).longValue();
        Task verify = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey("Task_VerifyMatch").singleResult(), t -> t != null);
        assertThat(clerk.post("/engine-rest/task/" + verify.getId() + "/complete",
                "{\"variables\":{\"verified\":{\"value\":true}}}").getStatusCode().is2xxSuccessful()).isTrue();
        String answer = "/api/eligibility/offers/" + offer + "/answer";

        assertProblem(clerk.post(answer, "{\"answer\":\"confirm\"}"), HttpStatus.BAD_REQUEST, "BD-021");
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_AnswerOffer")
                .count()).as("still waiting for the answer").isOne();
        ResponseEntity<String> answered = clerk.post(answer, "{\"answer\":\"confirm\",\"consent\":true}");
        assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(entry("offer.answered", String.valueOf(offer))).containsEntry("actor", "wang.fang")
                .containsEntry("on_behalf_of", "resident:" + resident).containsEntry("detail", "confirm")
                .containsEntry("reason", "resident consented").containsEntry("community_code", "xh01");
    }

    /** Registers a resident, in a household of their own at address 1 (community xh01), as the clerk 王芳. */
    private long register(String name, String first17IdCardDigits) throws Exception {
        Api clerk = Api.as(rest, "wang.fang");
        long household = json.readTree(clerk.post("/api/basedata/households",
                "{\"householdNo\":\"AUDIT-" + System.nanoTime() + "\",\"addressId\":1}").getBody()).get("id").asLong();
        ResponseEntity<String> registered = clerk.post("/api/basedata/residents", """
                {"householdId":%d,"name":"%s","idCardNumber":"%s","disabilityLevel":0,"hukouType":"LOCAL_URBAN",
                 "livingAlone":false}""".formatted(household, name,
                first17IdCardDigits + IdCardNumber.checkChar(first17IdCardDigits)));
        assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(registered.getBody()).get("id").asLong();
    }

    private Map<String, Object> entry(String action, String objectId) {
        List<Map<String, Object>> entries = jdbc.queryForList(
                "SELECT * FROM aud_entry WHERE action = ? AND object_id = ? ORDER BY seq", action, objectId);
        assertThat(entries).as("%s of %s", action, objectId).hasSize(1);
        return entries.get(0);
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(json.readTree(response.getBody()).get("code").asText()).isEqualTo(code);
    }
}
