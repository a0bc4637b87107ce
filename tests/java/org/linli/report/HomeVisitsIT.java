package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.basedata.IdCardNumber;
import org.linli.basedata.ResidentCommands.HukouType;
import org.linli.basedata.ResidentCommands.RegisterResidentCommand;
import org.linli.basedata.ResidentRegistry;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Home visits on PostgreSQL: the grid worker records through /api/home-visits, the community confirms with one
 * tick per change in its Tasklist task, and base data changes only for what was ticked. A visit leaves a year after it
 * ended (docs/privacy.md).
 */
@IntegrationTest
@RecordApplicationEvents
class HomeVisitsIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ResidentRegistry residents;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ExpiredHomeVisitPurge purge;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aNewPhoneIsAcceptedWithOneTickAndTheUntickedDisabilityChangeIsNot() throws Exception {
        long resident = register("701", "13800990001", 0);
        ResponseEntity<String> recorded = Api.as(rest, "li.qiang").post("/api/home-visits", """
                {"residentId":%d,"phone":"139 1234 5678","movedOut":false,"disabilityLevel":2,"note":"本人在家"}"""
                .formatted(resident));

        assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode visit = json.readTree(recorded.getBody());
        assertThat(visit.get("status").asText()).isEqualTo("PENDING");
        assertThat(visit.get("changes")).hasSize(2);
        assertThat(recorded.getBody()).contains("139****5678").doesNotContain("13912345678");
        long phoneChange = visit.at("/changes/0/id").asLong();
        assertThat(visit.at("/changes/0/kind").asText()).isEqualTo("PHONE");

        Task task = taskService.createTaskQuery().processInstanceBusinessKey("HV-" + visit.get("id").asLong())
                .taskCandidateGroup("community-xh01").singleResult();
        assertThat(task).isNotNull();
        String options = runtimeService.getVariableTyped(task.getProcessInstanceId(), "changeOptions").getValue()
                .toString();
        assertThat(options).contains("联系电话").doesNotContain("13912345678");

        ResponseEntity<String> done = Api.as(rest, "wang.fang").post("/engine-rest/task/" + task.getId() + "/complete",
                """
                {"variables":{"acceptedChanges":{"value":"[\\"%d\\"]","type":"Json"}}}""".formatted(phoneChange));
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("SELECT phone, disability_level, version FROM bd_resident WHERE id = ?",
                resident);
        assertThat(row.get("phone")).isEqualTo("13912345678");
        assertThat(((Number) row.get("disability_level")).intValue()).isZero();
        assertThat(((Number) row.get("version")).intValue()).isPositive();
        JsonNode after = json.readTree(Api.as(rest, "wang.fang").get("/api/home-visits/" + visit.get("id").asLong())
                .getBody());
        assertThat(after.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(after.at("/changes/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(after.at("/changes/1/status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aConfirmedMoveLeavesTheCommunityAndIsAnnounced() throws Exception {
        long resident = register("702", null, 1);
        JsonNode visit = json.readTree(Api.as(rest, "li.qiang").post("/api/home-visits", """
                {"residentId":%d,"movedOut":true,"movedOutOn":"2026-11-01","disabilityLevel":1}"""
                .formatted(resident)).getBody());
        assertThat(visit.get("changes")).hasSize(1);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("HV-" + visit.get("id").asLong())
                .singleResult();

        identityService.setAuthentication("wang.fang", List.of("clerks", "community-xh01"));
        try {
            taskService.complete(task.getId(), Map.of("acceptedChanges", List.of(visit.at("/changes/0/id").asText())));
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bd_population_event WHERE resident_id = ? "
                + "AND event_type = 'MOVE_OUT' AND occurred_on = DATE '2026-11-01'", Integer.class, resident)).isEqualTo(1);
        assertThat(events.stream(ResidentDataConfirmed.class))
                .anyMatch(e -> e.residentId() == resident && e.change().equals("MOVED_OUT")
                        && e.confirmedBy().equals("wang.fang"));
    }

    @Test
    void nothingNewMeansNoTaskAndBadVisitsAreRefused() throws Exception {
        long resident = register("703", "13800990003", 0);
        JsonNode same = json.readTree(Api.as(rest, "li.qiang").post("/api/home-visits", """
                {"residentId":%d,"phone":"13800990003","disabilityLevel":0}""".formatted(resident)).getBody());
        assertThat(same.get("status").asText()).isEqualTo("NO_CHANGE");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("HV-" + same.get("id").asLong()).count())
                .isZero();

        Integer visits = jdbc.queryForObject("SELECT COUNT(*) FROM rpt_home_visit", Integer.class);
        assertProblem(Api.as(rest, "li.qiang").post("/api/home-visits",
                "{\"residentId\":%d,\"phone\":\"12345\"}".formatted(resident)), HttpStatus.BAD_REQUEST, "RPT-009");
        assertProblem(Api.as(rest, "li.qiang").post("/api/home-visits",
                "{\"residentId\":%d,\"disabilityLevel\":7}".formatted(resident)), HttpStatus.BAD_REQUEST, "RPT-009");
        assertProblem(Api.as(rest, "li.qiang").post("/api/home-visits", "{\"residentId\":987654321}"),
                HttpStatus.NOT_FOUND, "RPT-008");
        assertProblem(Api.as(rest, "zhao.min").post("/api/home-visits",
                "{\"residentId\":%d,\"phone\":\"13912345678\"}".formatted(resident)), HttpStatus.FORBIDDEN, "RPT-006");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_home_visit", Integer.class)).isEqualTo(visits);
        assertThat(jdbc.queryForObject("SELECT phone FROM bd_resident WHERE id = ?", String.class, resident))
                .isEqualTo("13800990003");
    }

    @Test
    void visitsThatEndedMoreThanAYearAgoLeaveWithThePhoneNumbersTheyFound() throws Exception {
        long resident = register("704", "13800990004", 0);
        JsonNode confirmed = json.readTree(Api.as(rest, "li.qiang").post("/api/home-visits", """
                {"residentId":%d,"phone":"13912340004","disabilityLevel":0}""".formatted(resident)).getBody());
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("HV-" + confirmed.get("id").asLong())
                .singleResult();
        identityService.setAuthentication("wang.fang", List.of("clerks", "community-xh01"));
        try {
            taskService.complete(task.getId(), Map.of("acceptedChanges", List.of(confirmed.at("/changes/0/id").asText())));
        } finally {
            identityService.clearAuthentication();
        }
        long unchanged = visit(resident, "13912340004");
        long pending = visit(resident, "13912349999");
        long recent = visit(resident, "13912340004");
        assertThat(jdbc.queryForList("SELECT id FROM rpt_home_visit WHERE id IN (?, ?, ?, ?) AND closed_at IS NOT NULL",
                Long.class, confirmed.get("id").asLong(), unchanged, pending, recent))
                .as("a visit ends when the community confirmed it, or at once with nothing to confirm")
                .containsExactlyInAnyOrder(confirmed.get("id").asLong(), unchanged, recent);

        // a year and more passes for all but the recent visit
        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        jdbc.update("UPDATE rpt_home_visit SET created_at = ? WHERE id IN (?, ?, ?)", longAgo,
                confirmed.get("id").asLong(), unchanged, pending);
        jdbc.update("UPDATE rpt_home_visit SET closed_at = ? WHERE id IN (?, ?)", longAgo, confirmed.get("id").asLong(),
                unchanged);
        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForList("SELECT id FROM rpt_home_visit WHERE resident_id = ?", Long.class, resident))
                .containsExactlyInAnyOrder(pending, recent);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_visit_change WHERE visit_id = ?", Integer.class,
                confirmed.get("id").asLong())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_visit_change WHERE visit_id = ?", Integer.class,
                pending)).as("the community still has to decide").isOne();
        assertThat(jdbc.queryForObject("SELECT phone FROM bd_resident WHERE id = ?", String.class, resident))
                .as("what was confirmed lives on in base data").isEqualTo("13912340004");
    }

    private long visit(long resident, String phone) throws Exception {
        return json.readTree(Api.as(rest, "li.qiang").post("/api/home-visits", """
                {"residentId":%d,"phone":"%s","disabilityLevel":0}""".formatted(resident, phone)).getBody())
                .get("id").asLong();
    }

    private long register(String sequence, String phone, int disability) {
        long household = jdbc.queryForObject("SELECT id FROM bd_household WHERE household_no = 'XH01-0001'", Long.class);
        String first17 = "33010619700101" + sequence;
        return residents.registerResident(new RegisterResidentCommand(household, "测试居民",
                first17 + IdCardNumber.checkChar(first17), null, null, phone, disability, HukouType.LOCAL_URBAN, false,
                Set.of())).id();
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).contains("\"code\":\"" + code + "\"");
    }
}
