package org.linli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Policy eligibility through the REST API on PostgreSQL: a generated community is swept and the matches per policy
 * equal an independent SQL statement of the same (illustrative) rules; a demo resident sees her offers with the
 * reason, answers; a change of circumstances re-decides her at once, and a granted benefit that no longer matches
 * opens a review instead of stopping.
 */
@IntegrationTest
class EligibilityApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyOutreach policyOutreach;

    @Autowired
    MatchStore matchStore;

    @Test
    void sweepOfAGeneratedCommunityMatchesAnIndependentStatementOfTheRules() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ResponseEntity<String> generated = Api.as(rest, "admin").post("/api/admin/basedata/synthetic",
                "{\"seed\":1414,\"residents\":4000,\"referenceDate\":\"" + today + "\"}");
        assertThat(generated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String county = json.readTree(generated.getBody()).get("countyCode").asText();

        assertThat(Api.as(rest, "liu.yang").post("/api/eligibility/sweeps", "").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> swept = Api.as(rest, "wang.fang").post("/api/eligibility/sweeps", "");

        assertThat(swept.getStatusCode()).as(swept.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(swept.getBody());
        assertThat(result.get("residents").asInt()).isGreaterThanOrEqualTo(4000);
        Map<String, Integer> stored = storedCounts(county);
        Map<String, Integer> expected = independentCounts(county, today);
        assertThat(stored).isEqualTo(expected);
        assertThat(expected.get("old-age/eligible")).isPositive();
        assertThat(expected.get("minimum-living/eligible")).isPositive();
        assertThat(expected.get("disability-care/eligible")).isPositive();
        assertThat(expected.get("home-care/eligible")).isPositive();
        assertThat(expected.get("home-care/needs-data")).isPositive();

        int outreach = result.get("outreachStarted").asInt();
        assertThat(outreach).isPositive().isLessThanOrEqualTo(200);
        Long running = runtimeService.createProcessInstanceQuery().processDefinitionKey("policy-outreach").active()
                .count();
        assertThat(running).isGreaterThanOrEqualTo(outreach);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM elg_match WHERE state = 'outreach' "
                + "AND process_instance_id IS NULL", Integer.class)).isZero();

        // rental houses of the county are graded 宽管/警示/严管/禁租
        Integer rentals = jdbc.queryForObject("SELECT COUNT(*) FROM bd_address WHERE rental AND grid_code LIKE ?",
                Integer.class, county + "-%");
        Integer graded = jdbc.queryForObject("""
                SELECT COUNT(*) FROM elg_rental_risk r JOIN bd_address a ON a.id = r.address_id
                 WHERE a.grid_code LIKE ? AND r.inspections_per_month BETWEEN 1 AND 4""", Integer.class, county + "-%");
        assertThat(graded).isEqualTo(rentals).isPositive();

        // a second sweep finds nothing new and starts nothing twice
        JsonNode again = json.readTree(Api.as(rest, "wang.fang").post("/api/eligibility/sweeps", "").getBody());
        assertThat(again.get("newMatches").asInt()).isZero();
        assertThat(storedCounts(county)).isEqualTo(expected);
    }

    @Test
    void residentSeesWhySheQualifiesAnswersAndIsReDecidedWhenHerCircumstancesChange() throws Exception {
        long zhang = jdbc.queryForObject("SELECT id FROM bd_resident WHERE user_id = 'zhang.lan'", Long.class);
        Api.as(rest, "wang.fang").post("/api/eligibility/sweeps", "");

        JsonNode offers = json.readTree(Api.as(rest, "zhang.lan").get("/api/eligibility/my-offers").getBody());
        Map<String, JsonNode> byPolicy = new HashMap<>();
        offers.forEach(offer -> byPolicy.put(offer.get("policy").asText(), offer));
        // 张兰: born 1940, local, disability level 2, living alone, household income 1,350 yuan
        assertThat(byPolicy.get("old-age").get("amount").asDouble()).isEqualTo(100.0);
        assertThat(byPolicy.get("old-age").get("reason").asText()).contains("80至89周岁");
        assertThat(byPolicy.get("disability-care").get("ruleId").asText()).isEqualTo("Rule_DisabilityCare_LevelTwo");
        assertThat(byPolicy.get("disability-living").get("status").asText()).isEqualTo("eligible");
        assertThat(byPolicy.get("home-care").get("status").asText()).isEqualTo("needs-data");
        assertThat(Api.as(rest, "liu.yang").get("/api/eligibility/my-offers").getBody()).isEqualTo("[]");
        assertThat(Api.as(rest, "liu.yang").get("/api/eligibility/residents/" + zhang + "/matches").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the clerk verifies the old-age allowance; the resident declines it
        long oldAge = byPolicy.get("old-age").get("id").asLong();
        complete(task(oldAge, "Task_VerifyMatch"), "wang.fang", "{\"verified\":{\"value\":true}}");
        assertThat(Api.as(rest, "liu.yang").post("/api/eligibility/offers/" + oldAge + "/answer",
                "{\"answer\":\"decline\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> bad = Api.as(rest, "zhang.lan").post("/api/eligibility/offers/" + oldAge + "/answer",
                "{\"answer\":\"maybe\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(state(oldAge)).isEqualTo("outreach");
        // a second start of a match already in outreach (a sweep racing a re-decision) starts nothing
        assertThat(policyOutreach.start(matchStore.match(oldAge).orElseThrow())).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(PolicyOutreach.businessKey(oldAge)).count()).isEqualTo(1);
        ResponseEntity<String> declined = Api.as(rest, "zhang.lan").post("/api/eligibility/offers/" + oldAge + "/answer",
                "{\"answer\":\"decline\"}");
        assertThat(declined.getStatusCode()).as(declined.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(state(oldAge)).isEqualTo("declined");
        assertThat(Api.as(rest, "zhang.lan").post("/api/eligibility/offers/" + oldAge + "/answer",
                "{\"answer\":\"confirm\"}").getBody()).contains("ELG-002");
        Api.as(rest, "wang.fang").post("/api/eligibility/sweeps", "");
        assertThat(state(oldAge)).as("declined: not asked again within the suppression period").isEqualTo("declined");

        // the care subsidy is confirmed and granted by the department
        long care = byPolicy.get("disability-care").get("id").asLong();
        complete(task(care, "Task_VerifyMatch"), "wang.fang", "{\"verified\":{\"value\":true}}");
        assertThat(Api.as(rest, "zhang.lan").post("/api/eligibility/offers/" + care + "/answer",
                "{\"answer\":\"confirm\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        complete(task(care, "Task_DepartmentDecision"), "admin", "{\"approved\":{\"value\":true}}");
        assertThat(state(care)).isEqualTo("granted");

        // a care needs assessment arrives: re-decided at once, the home-care subsidy is offered
        ResponseEntity<String> assessed = Api.as(rest, "wang.fang").exchange(HttpMethod.PUT,
                "/api/basedata/residents/" + zhang + "/circumstances", "{\"careLevel\":3}");
        assertThat(assessed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        long homeCare = byPolicy.get("home-care").get("id").asLong();
        // the match is re-decided at once; its outreach starts right after, in a transaction of its own
        await().atMost(Duration.ofSeconds(10)).until(() -> state(homeCare).equals("outreach"));
        // operators see the outreach still waiting to start; nothing once it has
        await().atMost(Duration.ofSeconds(10)).until(() -> rest.getForObject("/actuator/prometheus", String.class)
                .lines().anyMatch(line -> line.matches("linli_eligibility_outreach_queued(\\{.*})? 0\\.0")));
        assertThat(jdbc.queryForObject("SELECT amount FROM elg_match WHERE id = ?", Double.class, homeCare))
                .isEqualTo(600.0);
        assertThat(task(homeCare, "Task_VerifyMatch")).isNotNull();

        // her disability is re-assessed as level 3: the granted care subsidy is reviewed, not stopped
        Api.as(rest, "wang.fang").exchange(HttpMethod.PUT, "/api/basedata/residents/" + zhang + "/circumstances",
                "{\"disabilityLevel\":3}");
        assertThat(state(care)).isEqualTo("review");
        Task review = task(care, "Task_ReviewBenefit");
        assertThat(review).isNotNull();
        complete(review, "wang.fang", "{\"continueBenefit\":{\"value\":false},\"reviewNote\":{\"value\":\"已告知本人\"}}");
        assertThat(state(care)).isEqualTo("stopped");

        assertThat(Api.as(rest, "liu.yang").exchange(HttpMethod.PUT,
                "/api/basedata/residents/" + zhang + "/circumstances", "{\"careLevel\":0}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String state(long matchId) {
        return jdbc.queryForObject("SELECT state FROM elg_match WHERE id = ?", String.class, matchId);
    }

    private Task task(long matchId, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(PolicyOutreach.businessKey(matchId))
                .taskDefinitionKey(key).list();
        assertThat(tasks).as(key + " of match " + matchId).hasSize(1);
        return tasks.get(0);
    }

    private void complete(Task task, String user, String variables) {
        ResponseEntity<String> response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getStatusCode() + " " + response.getBody())
                .isTrue();
    }

    private Map<String, Integer> storedCounts(String county) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("""
                SELECT m.policy, m.status, COUNT(*) FROM elg_match m
                  JOIN bd_resident r ON r.id = m.resident_id JOIN bd_household h ON h.id = r.household_id
                  JOIN bd_address a ON a.id = h.address_id
                 WHERE m.matched AND a.grid_code LIKE ? GROUP BY m.policy, m.status""",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                }, county + "-%");
        return counts;
    }

    /** The illustrative rules of docs/eligibility.md written once more, in SQL, straight on the base data. */
    private Map<String, Integer> independentCounts(String county, LocalDate today) {
        Date age16 = Date.valueOf(today.minusYears(16));
        Date age60 = Date.valueOf(today.minusYears(60));
        Date age80 = Date.valueOf(today.minusYears(80));
        Date age90 = Date.valueOf(today.minusYears(90));
        Date days90 = Date.valueOf(today.minusDays(90));
        Map<String, String> where = new java.util.LinkedHashMap<>();
        where.put("old-age/eligible", "local AND r.birth_date <= :80");
        where.put("minimum-living/eligible", "local AND h.income_per_capita < 1100 AND h.assets_per_capita <= 26400");
        where.put("minimum-living/needs-data", "local AND (h.income_per_capita IS NULL "
                + "OR (h.income_per_capita < 1100 AND h.assets_per_capita IS NULL))");
        where.put("extreme-poverty/eligible", "local AND h.income_per_capita < 1100 AND r.has_supporter = FALSE "
                + "AND (r.birth_date <= :60 OR r.birth_date > :16 OR r.disability_level IN (1, 2))");
        where.put("extreme-poverty/needs-data", "local AND h.income_per_capita < 1100 AND r.has_supporter IS NULL "
                + "AND (r.birth_date <= :60 OR r.birth_date > :16 OR r.disability_level IN (1, 2))");
        where.put("disability-living/eligible", "local AND r.disability_level > 0 AND h.income_per_capita < 1650");
        where.put("disability-care/eligible", "local AND r.disability_level IN (1, 2)");
        where.put("home-care/eligible", "local AND r.birth_date <= :60 AND (r.care_level = 3 OR (r.care_level = 2 "
                + "AND (r.living_alone OR r.birth_date <= :80)) OR (r.care_level = 1 AND r.birth_date <= :80 "
                + "AND r.living_alone))");
        where.put("home-care/needs-data", "local AND r.birth_date <= :60 AND r.care_level IS NULL "
                + "AND (r.birth_date <= :80 OR r.living_alone)");
        where.put("temporary-assistance/eligible", "r.hardship_event IS NOT NULL AND r.hardship_date >= :d90 "
                + "AND h.income_per_capita < 1650");
        Map<String, Integer> counts = new HashMap<>();
        where.forEach((key, condition) -> {
            String sql = """
                    SELECT COUNT(*) FROM bd_resident r JOIN bd_household h ON h.id = r.household_id
                      JOIN bd_address a ON a.id = h.address_id
                     WHERE a.grid_code LIKE ? AND """ + " " + condition
                    .replace("local", "r.hukou_type IN ('LOCAL_URBAN', 'LOCAL_RURAL')")
                    .replace(":80", "'" + age80 + "'").replace(":90", "'" + age90 + "'")
                    .replace(":60", "'" + age60 + "'").replace(":16", "'" + age16 + "'")
                    .replace(":d90", "'" + days90 + "'");
            int count = jdbc.queryForObject(sql, Integer.class, county + "-%");
            if (count > 0) {
                counts.put(key, count);
            }
        });
        return counts;
    }
}
