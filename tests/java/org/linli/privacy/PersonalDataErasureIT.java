package org.linli.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.basedata.IdCardNumber;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A resident whose name, phone and id-card number went into base data, a hotline grievance (its description quotes
 * all three), a clerk's Tasklist comment, a home visit (with a new phone number), the community's filed roster, the
 * engine's variables and history and the case index asks for erasure; the community approves in Tasklist; afterwards
 * no table, the application's or the engine's (text columns and stored bytes), and no index document holds any of
 * them, while the resident row, the case and the roster's rows are still counted.
 */
@IntegrationTest
class PersonalDataErasureIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Value("${app.tracking.alias}")
    String alias;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anApprovedErasureLeavesNoTraceAndKeepsTheCounts() throws Exception {
        long unique = System.nanoTime();
        String name = "欧阳" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (unique % 10)) + "删";
        String phone = "136" + String.format("%08d", unique % 100_000_000L);
        // born in the 1950s: on the community's roster of elderly residents
        String first17 = "33010619" + String.format("%02d", 50 + (int) (unique % 10)) + "0928" + "321";
        String idCard = first17 + IdCardNumber.checkChar(first17);
        Api clerk = Api.as(rest, "wang.fang");

        long household = json.readTree(clerk.post("/api/basedata/households",
                "{\"householdNo\":\"ERASE-" + unique + "\",\"addressId\":1}").getBody()).get("id").asLong();
        ResponseEntity<String> registered = clerk.post("/api/basedata/residents", "{\"householdId\":" + household
                + ",\"name\":\"" + name + "\",\"idCardNumber\":\"" + idCard + "\",\"phone\":\"" + phone
                + "\",\"disabilityLevel\":0,\"hukouType\":\"LOCAL_URBAN\",\"livingAlone\":true}");
        assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
        long resident = json.readTree(registered.getBody()).get("id").asLong();
        ResponseEntity<String> filed = clerk.post("/api/grievances", """
                {"channel":"HOTLINE","reporterName":"%s","reporterPhone":"%s","category":"environment",
                 "description":"我是%s，电话%s，身份证%s，楼道漏水","communityCode":"xh01","addressId":1}"""
                .formatted(name, phone, name, phone, idCard));
        assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> indexed(caseNumber), d -> d.contains(caseNumber)))
                .as("the index held the name before").contains(name);

        // staff wrote the name and numbers elsewhere too: a Tasklist comment, a home visit, the filed roster
        Task verify = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(caseNumber).singleResult(), t -> t != null);
        ResponseEntity<String> comment = clerk.post("/engine-rest/task/" + verify.getId() + "/comment/create",
                "{\"message\":\"已回电%s（%s），身份证%s核对无误\"}".formatted(name, phone, idCard));
        assertThat(comment.getStatusCode().is2xxSuccessful()).as(comment.getBody()).isTrue();
        String newPhone = "137" + String.format("%08d", (unique / 7) % 100_000_000L);
        ResponseEntity<String> visit = Api.as(rest, "li.qiang").post("/api/home-visits", """
                {"residentId":%d,"phone":"%s","movedOut":false,"disabilityLevel":0,"note":"%s本人在家，换了新号码"}"""
                .formatted(resident, newPhone, name));
        assertThat(visit.getStatusCode()).as(visit.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> roster = Api.as(rest, "chen.jun").post("/api/reports", """
                {"reportType":"special-care-roster","period":"2026-10","deadline":"%s","communities":["xh01"]}"""
                .formatted(Instant.now().plus(Duration.ofHours(2))));
        assertThat(roster.getStatusCode()).as(roster.getBody()).isEqualTo(HttpStatus.CREATED);
        String report = "RPT-" + json.readTree(roster.getBody()).get("id").asLong();
        completeAs("wang.fang", reportTask(report, "Task_CompleteReport"), "{}");
        completeAs("chen.jun", reportTask(report, "Task_ReviewReport"),
                "{\"reviewDecision\":{\"value\":\"approve\"}}");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> traces(name),
                t -> t.contains("rpt_version.html"))).as("the submitted roster lists the person").isNotEmpty();
        assertThat(traces(name)).as("traces before erasure").isNotEmpty();

        // an unknown resident: a clear 404, and no request starts
        long requests = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("personal-data-erasure")
                .count();
        ResponseEntity<String> unknown = clerk.post("/api/privacy/erasure-requests", "{\"residentId\":987654321}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(unknown.getBody()).get("code").asText()).isEqualTo("BD-005");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("personal-data-erasure")
                .count()).isEqualTo(requests);
        assertThat(Api.as(rest, "zhang.lan").post("/api/privacy/erasure-requests", "{\"residentId\":" + resident + "}")
                .getStatusCode()).as("another resident may not ask").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> requested = clerk.post("/api/privacy/erasure-requests",
                "{\"residentId\":" + resident + ",\"reason\":\"本人来电申请\"}");
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String instance = json.readTree(requested.getBody()).get("processInstanceId").asText();
        Task review = taskService.createTaskQuery().processInstanceId(instance).taskCandidateGroup("community-xh01")
                .singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewErasure");
        completeAs("wang.fang", review, "{\"approved\":{\"value\":true},\"reviewNote\":{\"value\":\"已核实\"}}");
        await().atMost(Duration.ofSeconds(60)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);

        for (String personal : List.of(name, phone, idCard, newPhone)) {
            assertThat(traces(personal)).as("traces of %s", personal).isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(caseNumber),
                d -> d.contains(caseNumber) && !d.contains(name));
        String document = indexed(caseNumber);
        assertThat(document).doesNotContain(name, phone, idCard);

        assertThat(jdbc.queryForObject("SELECT name FROM bd_resident WHERE id = ?", String.class, resident))
                .isEqualTo("已注销居民");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM grv_case WHERE case_number = ?", Long.class, caseNumber))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM aud_entry WHERE action = 'resident.erased'"
                + " AND object_id = ?", Long.class, String.valueOf(resident))).isOne();
    }

    private Task reportTask(String businessKey, String taskKey) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
    }

    private void completeAs(String user, Task task, String variables) {
        ResponseEntity<String> done = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }

    /** Every place the text occurs: each text column of every table, the application's and the engine's. */
    private List<String> traces(String text) {
        List<String> found = new java.util.ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text', 'character')
                   AND table_name NOT LIKE 'flyway%'""");
        for (Map<String, Object> column : columns) {
            String sql = "SELECT count(*) FROM " + column.get("table_name") + " WHERE " + column.get("column_name")
                    + " LIKE ?";
            if (jdbc.queryForObject(sql, Long.class, "%" + text + "%") > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        for (String bytes : List.of("act_ge_bytearray.bytes_", "act_hi_comment.full_msg_")) {
            String[] column = bytes.split("\\.");
            if (jdbc.queryForObject("SELECT count(*) FROM " + column[0] + " WHERE position(convert_to(?, 'UTF8') IN "
                    + column[1] + ") > 0", Long.class, text) > 0) {
                found.add(bytes);
            }
        }
        return found;
    }

    private String indexed(String caseNumber) {
        return RestClient.create(elasticsearch).get().uri("/" + alias + "/_search?q=caseNumber:" + caseNumber)
                .retrieve().body(String.class);
    }
}
