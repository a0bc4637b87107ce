package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cases of two families (grievance handling through its REST API, and a test-only family started on the engine)
 * reach the real Elasticsearch of this run through the outbox, and come back through search with each
 * caller's access applied.
 */
@IntegrationTest
class TrackingIT {

    static final String PROBE = "tracking-probe";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deployProbeFamily() {
        deployProbe(repositoryService);
    }

    static void deployProbe(RepositoryService repositoryService) {
        repositoryService.createDeployment().name(PROBE).enableDuplicateFiltering(false)
                .addClasspathResource("tracking/" + PROBE + ".bpmn").deploy();
    }

    @Test
    void aGrievanceIsASearchableCaseWithoutThePhoneNumberTypedIntoIt() throws Exception {
        ResponseEntity<String> filed = Api.as(rest, "liu.yang").post("/api/grievances", """
                {"category":"environment","subCategory":"garbage","urgency":"NORMAL",
                 "description":"楼道垃圾堆积无人清理，联系电话13812345678","communityCode":"xh01","addressId":1}""");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();

        JsonNode found = awaitOne(Api.as(rest, "wang.fang"), "/api/cases?q=" + caseNumber,
                c -> c.path("currentSteps").toString().contains("核实立案"));

        assertThat(found.get("family").asText()).isEqualTo("grievance-handling");
        assertThat(found.get("familyName").asText()).isNotBlank();
        assertThat(found.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(found.get("open").asBoolean()).isTrue();
        assertThat(found.get("communityCode").asText()).isEqualTo("xh01");
        assertThat(found.get("streetCode").asText()).isEqualTo("xh");
        assertThat(found.get("category").asText()).isEqualTo("environment");
        assertThat(found.get("channel").asText()).isNotBlank();
        assertThat(found.get("reporterUserId").asText()).isEqualTo("liu.yang");
        assertThat(found.get("candidateGroups").toString()).contains("community-xh01");
        assertThat(found.get("text").asText()).contains("楼道垃圾堆积").contains("138****5678")
                .doesNotContain("13812345678");
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        assertThat(found.get("id").asText()).isEqualTo(processInstanceId);

        // the resident finds her own case; another resident does not
        assertThat(items(Api.as(rest, "liu.yang"), "/api/cases?q=" + caseNumber).size()).isEqualTo(1);
        assertThat(items(Api.as(rest, "zhang.lan"), "/api/cases?q=" + caseNumber).size()).isZero();
    }

    @Test
    void anotherFamilyIsMappedByItsVariableNamesAndFollowedToItsEnd() throws Exception {
        String caseNumber = "TP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant created = Instant.now();
        String id = startProbe(runtimeService, caseNumber, "xh02", "zhang.lan",
                Date.from(created.minus(Duration.ofHours(1))), "三号楼烟感报警，住户身份证110105199001011234");
        Api supervisor = Api.as(rest, "chen.jun");

        JsonNode open = awaitOne(supervisor, "/api/cases?family=" + PROBE + "&q=" + caseNumber, c -> true);
        assertThat(open.get("id").asText()).isEqualTo(id);
        assertThat(open.get("familyName").asText()).isEqualTo("跟踪测试流程");
        assertThat(open.get("communityCode").asText()).isEqualTo("xh02");
        assertThat(open.get("gridCode").asText()).isEqualTo("xh02-01");
        assertThat(open.get("category").asText()).isEqualTo("smoke");
        assertThat(open.get("channel").asText()).isEqualTo("SENSOR");
        assertThat(open.get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(open.get("alarmType").asText()).isEqualTo("smoke");
        assertThat(open.get("ackSeconds").asLong()).isBetween(100L, 140L);
        assertThat(open.get("currentSteps").toString()).contains("处理告警");
        assertThat(open.get("slaState").asText()).isEqualTo("OVERDUE");
        assertThat(open.get("text").asText()).contains("1101**********1234").doesNotContain("110105199001011234");

        // full text keeps Chinese word order; filters combine
        assertThat(items(supervisor, "/api/cases?q=烟感报警&family=" + PROBE + "&grid=xh02-01").toString())
                .contains(caseNumber);
        assertThat(items(supervisor, "/api/cases?q=报烟感警&family=" + PROBE).toString()).doesNotContain(caseNumber);
        assertThat(items(supervisor, "/api/cases?overdue=true&community=xh02&family=" + PROBE).toString())
                .contains(caseNumber);
        assertThat(items(supervisor, "/api/cases?overdue=false&community=xh02&family=" + PROBE).toString())
                .doesNotContain(caseNumber);

        // a claim is a change the index follows: the case shows who works on it
        String taskId = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
        taskService.claim(taskId, "li.qiang");
        JsonNode claimed = awaitOne(supervisor, "/api/cases?family=" + PROBE + "&q=" + caseNumber,
                c -> c.path("assignees").toString().contains("li.qiang"));
        assertThat(claimed.get("currentSteps").toString()).contains("处理告警");

        taskService.complete(taskId, Map.of("satisfaction", 5));

        JsonNode closed = awaitOne(supervisor, "/api/cases?state=closed&q=" + caseNumber, c -> true);
        assertThat(closed.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("closedAt").asText()).isNotBlank();
        assertThat(closed.get("satisfaction").asInt()).isEqualTo(5);
        assertThat(closed.get("slaState").asText()).as("closed after its due time").isEqualTo("OVERDUE");
        assertThat(closed.path("currentSteps").size()).isZero();
    }

    @Test
    void eachCallerSeesOnlyTheCasesTheirRoleAllows() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String xh02 = "TP-" + tag + "-A";
        String xh01 = "TP-" + tag + "-B";
        startProbe(runtimeService, xh02, "xh02", "zhang.lan", null, "和平社区井盖破损 " + tag);
        startProbe(runtimeService, xh01, "xh01", "liu.yang", null, "新华社区路灯不亮 " + tag);
        awaitOne(Api.as(rest, "admin"), "/api/cases?q=" + xh02, c -> true);
        awaitOne(Api.as(rest, "admin"), "/api/cases?q=" + xh01, c -> true);
        String search = "/api/cases?family=" + PROBE + "&q=" + tag;

        assertThat(numbers(Api.as(rest, "wang.fang"), search)).as("clerk of xh01").containsExactly(xh01);
        assertThat(numbers(Api.as(rest, "chen.jun"), search)).as("supervisor of street xh")
                .containsExactlyInAnyOrder(xh01, xh02);
        assertThat(numbers(Api.as(rest, "zhang.lan"), search)).as("resident: her own").containsExactly(xh02);
        assertThat(numbers(Api.as(rest, "liu.yang"), search)).as("resident: his own").containsExactly(xh01);
        assertThat(numbers(Api.as(rest, "zhao.min"), search)).as("department, not handling them").isEmpty();
        assertThat(Api.anonymous(rest).get(search).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> tooMany = Api.as(rest, "chen.jun").get("/api/cases?size=1000");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody()).contains("TRK-001");
        assertThat(Api.as(rest, "chen.jun").get("/api/cases?from=yesterday").getBody()).contains("TRK-001");
    }

    @Test
    void theDashboardCountsWhatTheSupervisorMaySeeAndResidentsGetNoFigures() throws Exception {
        String caseNumber = "TP-" + UUID.randomUUID().toString().substring(0, 8);
        startProbe(runtimeService, caseNumber, "xh02", "zhang.lan", null, "电梯故障困人");
        awaitOne(Api.as(rest, "chen.jun"), "/api/cases?q=" + caseNumber, c -> true);

        ResponseEntity<String> response = Api.as(rest, "chen.jun").get("/api/cases/dashboard?community=xh02");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode figures = json.readTree(response.getBody());
        assertThat(figures.get("totals").get("total").asLong()).isPositive();
        assertThat(figures.get("openedPerDay").size()).isEqualTo(30);
        assertThat(figures.get("families").toString()).contains(PROBE);
        assertThat(figures.get("alarms").toString()).contains("smoke");
        assertThat(figures.get("demand").toString()).contains("xh02-01");
        ResponseEntity<String> empty = Api.as(rest, "chen.jun").get("/api/cases/dashboard?from=2020-01-01&to=2020-01-31");
        assertThat(json.readTree(empty.getBody()).get("totals").has("meanSatisfaction")).as("no ratings, no mean")
                .isFalse();

        assertThat(Api.as(rest, "liu.yang").get("/api/cases/dashboard").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(rest, "chen.jun").get("/api/cases/dashboard?from=2026-11-20&to=2026-11-01").getBody())
                .contains("TRK-001");
    }

    static String startProbe(RuntimeService runtimeService, String caseNumber, String community, String reporter,
            Date dueAt, String description) {
        Instant now = Instant.now();
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("caseNumber", caseNumber);
        variables.put("communityCode", community);
        variables.put("communityGroup", "community-" + community);
        variables.put("gridCode", community + "-01");
        variables.put("streetCode", "xh");
        variables.put("category", "smoke");
        variables.put("channel", "SENSOR");
        variables.put("escalationLevel", 2);
        variables.put("alarmType", "smoke");
        variables.put("acknowledgedAt", Date.from(now.plusSeconds(120)));
        variables.put("reporterUserId", reporter);
        variables.put("description", description);
        if (dueAt != null) {
            variables.put("dueAt", dueAt);
        }
        return runtimeService.startProcessInstanceByKey(PROBE, caseNumber, variables).getId();
    }

    JsonNode awaitOne(Api api, String path, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode items = items(api, path);
            if (items.size() == 1 && ready.test(items.get(0))) {
                found[0] = items.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    JsonNode items(Api api, String path) throws Exception {
        ResponseEntity<String> response = api.get(path);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody()).get("items");
    }

    java.util.List<String> numbers(Api api, String path) throws Exception {
        java.util.List<String> numbers = new java.util.ArrayList<>();
        items(api, path).forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }
}
