package org.linli.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * all three), the engine's variables and history and the case index asks for erasure; the community approves in
 * Tasklist; afterwards no table of the application, no engine variable (plain or serialized) and no index document
 * holds any of the three, while the resident row and the case are still counted.
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
        String first17 = "33010619" + String.format("%02d", 50 + (int) (unique % 40)) + "0928" + "321";
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
        ResponseEntity<String> approved = clerk.post("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true},\"reviewNote\":{\"value\":\"已核实\"}}}");
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(approved.getBody()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);

        for (String personal : List.of(name, phone, idCard)) {
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

    /** Every place the text occurs: each text column of the application's tables and the engine's variable stores. */
    private List<String> traces(String text) {
        List<String> found = new java.util.ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text', 'character')
                   AND (table_name NOT LIKE 'act\\_%' OR table_name IN ('act_ru_variable', 'act_hi_varinst'))""");
        for (Map<String, Object> column : columns) {
            String sql = "SELECT count(*) FROM " + column.get("table_name") + " WHERE " + column.get("column_name")
                    + " LIKE ?";
            if (jdbc.queryForObject(sql, Long.class, "%" + text + "%") > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        Long serialized = jdbc.queryForObject("""
                SELECT count(*) FROM act_ge_bytearray WHERE (id_ IN (SELECT bytearray_id_ FROM act_ru_variable)
                    OR id_ IN (SELECT bytearray_id_ FROM act_hi_varinst)) AND position(convert_to(?, 'UTF8') IN bytes_) > 0""",
                Long.class, text);
        if (serialized > 0) {
            found.add("act_ge_bytearray.bytes_");
        }
        return found;
    }

    private String indexed(String caseNumber) {
        return RestClient.create(elasticsearch).get().uri("/" + alias + "/_search?q=caseNumber:" + caseNumber)
                .retrieve().body(String.class);
    }
}
