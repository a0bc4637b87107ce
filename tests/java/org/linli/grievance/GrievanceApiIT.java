package org.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A grievance's whole life through the real entry points on PostgreSQL: a resident files and rates through
 * the application API, clerks and departments work their tasks through the engine REST API as Tasklist does,
 * the job executor runs the asynchronous steps.
 */
@IntegrationTest
class GrievanceApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aResidentsGrievanceGoesRoundTheClosedLoop() throws Exception {
        Api resident = Api.as(rest, "liu.yang");
        ResponseEntity<String> filed = resident.post("/api/grievances", """
                {"category":"environment","subCategory":"garbage","urgency":"NORMAL",
                 "description":"楼道里堆放的垃圾一周没人清理，气味很大","communityCode":"xh01","addressId":1}""");

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();
        assertThat(caseNumber).matches("GR-\\d{4}-\\d{6}");
        assertThat(status(resident, caseNumber)).isEqualTo("RECEIVED");

        complete(waitForTask(caseNumber, "Task_VerifyReport", "community-xh01"), "wang.fang",
                Map.of("verifyOutcome", "ACCEPT"));
        Task handle = waitForTask(caseNumber, "Task_HandleGrievance", "dept-environment");
        assertThat(handle.getDueDate()).isInTheFuture();
        String caseVariable = "/engine-rest/process-instance/" + handle.getProcessInstanceId() + "/variables/caseNumber";
        for (String worker : List.of("wang.fang", "zhao.min", "chen.jun")) {
            assertThat(Api.as(rest, worker).get(caseVariable).getStatusCode()).as("%s reads the case (task cards)", worker)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(Api.as(rest, "zhang.lan").get(caseVariable).getStatusCode().is2xxSuccessful())
                .as("another resident does not").isFalse();
        assertThat(status(resident, caseNumber)).isEqualTo("DISPATCHED");

        complete(handle, "zhao.min", Map.of("handleOutcome", "DONE", "measures", "已安排保洁员清运并消毒",
                "photoRefs", "photo-1.jpg, photo-2.jpg"));
        waitForTask(caseNumber, "Task_RateHandling", null);
        assertThat(status(resident, caseNumber)).isEqualTo("HANDLED");

        ResponseEntity<String> notTheReporter = Api.as(rest, "zhang.lan").post("/api/grievances/" + caseNumber
                + "/rating", "{\"rating\":1,\"solved\":false}");
        assertThat(notTheReporter.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> outOfRange = resident.post("/api/grievances/" + caseNumber + "/rating",
                "{\"rating\":6,\"solved\":true}");
        assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> rated = resident.post("/api/grievances/" + caseNumber + "/rating",
                "{\"rating\":5,\"solved\":true,\"comment\":\"处理很及时\"}");
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);

        complete(waitForTask(caseNumber, "Task_CheckAndClose", "community-xh01"), "wang.fang",
                Map.of("checkConfirmed", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(resident, caseNumber)));

        JsonNode grievance = json.readTree(resident.get("/api/grievances/" + caseNumber).getBody());
        assertThat(grievance.get("rating").asInt()).isEqualTo(5);
        assertThat(grievance.get("closure").asText()).isEqualTo("RESOLVED");
        assertThat(grievance.get("measures").asText()).isEqualTo("已安排保洁员清运并消毒");
        List<String> timeline = json.readTree(resident.get("/api/grievances/" + caseNumber + "/timeline").getBody())
                .findValuesAsText("type");
        assertThat(timeline).containsSubsequence("RECEIVED", "DISPATCHED", "HANDLED", "RATED", "CLOSED");
        assertThat(timeline).as("who did which step is for staff only").doesNotContain("TASK");
        JsonNode staffView = json.readTree(Api.as(rest, "wang.fang").get("/api/grievances/" + caseNumber + "/timeline")
                .getBody());
        List<String> steps = new ArrayList<>();
        staffView.forEach(entry -> {
            if ("TASK".equals(entry.get("type").asText())) {
                steps.add(entry.get("actor").asText() + " " + entry.get("text").asText());
            }
        });
        assertThat(steps).containsExactly("wang.fang 完成「核实立案」", "zhao.min 完成「办理诉求」", "liu.yang 完成「评价办理结果」",
                "wang.fang 完成「核查结案」");
        assertThat(json.readTree(resident.get("/api/notifications").getBody()).findValuesAsText("reference"))
                .contains(caseNumber);

        String instance = jdbc.queryForObject("SELECT process_instance_id FROM grv_case WHERE case_number = ?",
                String.class, caseNumber);
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance).includeInputs()
                .singleResult().getInputs()).as("Cockpit shows which routing rule matched and on what").isNotEmpty();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).count())
                .as("no per-change variable copies (history level case)").isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableNameIn("slaDuration", "reminderDate", "dueDateText", "handlerGroupName").count())
                .as("working variables: the routing decision's history and the due date hold them").isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableNameIn("dueDate", "handlerGroup", "category", "rating").count())
                .as("what case search reads stays in history").isEqualTo(4);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instance).count()).as("the per-case read grants end with the case").isZero();

        ResponseEntity<String> afterClose = resident.post("/api/grievances/" + caseNumber + "/comments",
                "{\"text\":\"谢谢\"}");
        assertThat(afterClose.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(afterClose.getBody()).contains("GRV-003");
    }

    @Test
    void badInputCreatesNothing() throws Exception {
        Api resident = Api.as(rest, "liu.yang");
        int casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM grv_case", Integer.class);
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("grievance-handling")
                .count();

        ResponseEntity<String> empty = resident.post("/api/grievances",
                "{\"category\":\"environment\",\"description\":\"  \",\"communityCode\":\"xh01\",\"addressId\":1}");
        ResponseEntity<String> unknownCategory = resident.post("/api/grievances",
                "{\"category\":\"ufo\",\"description\":\"天上有不明飞行物\",\"communityCode\":\"xh01\",\"addressId\":1}");
        ResponseEntity<String> tooLong = resident.post("/api/grievances", "{\"category\":\"environment\",\"description\":\""
                + "很".repeat(2001) + "\",\"communityCode\":\"xh01\",\"addressId\":1}");
        ResponseEntity<String> foreignAddress = resident.post("/api/grievances",
                "{\"category\":\"environment\",\"description\":\"路灯坏了\",\"communityCode\":\"xh02\",\"addressId\":1}");
        ResponseEntity<String> unknownCommunity = resident.post("/api/grievances",
                "{\"category\":\"environment\",\"description\":\"路灯坏了\",\"communityCode\":\"nowhere\",\"addressText\":\"某路\"}");

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(empty.getBody()).get("errors").findValuesAsText("field")).contains("description");
        assertThat(unknownCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownCategory.getBody()).contains("GRV-001");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody()).contains("GRV-010");
        assertThat(foreignAddress.getBody()).contains("GRV-006");
        assertThat(unknownCommunity.getBody()).contains("GRV-006");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_case", Integer.class)).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("grievance-handling").count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void markupIsStoredAsTextAndResidentsSeeOnlyTheirOwnCases() throws Exception {
        String markup = "<script>alert('x')</script><b>井盖</b>丢失";
        ResponseEntity<String> filed = Api.as(rest, "zhang.lan").post("/api/grievances",
                "{\"category\":\"municipal\",\"description\":" + json.writeValueAsString(markup)
                        + ",\"communityCode\":\"xh01\",\"addressText\":\"和平街8号门口\"}");
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();

        JsonNode own = json.readTree(Api.as(rest, "zhang.lan").get("/api/grievances/" + caseNumber).getBody());
        assertThat(own.get("description").asText()).isEqualTo(markup);
        assertThat(Api.as(rest, "liu.yang").get("/api/grievances/" + caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(rest, "wang.fang").get("/api/grievances/" + caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(Api.anonymous(rest).get("/api/grievances/" + caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        JsonNode community = json.readTree(Api.as(rest, "wang.fang").get("/api/grievances?community=xh01&openOnly=true")
                .getBody());
        assertThat(community.findValuesAsText("caseNumber")).contains(caseNumber);
        assertThat(Api.as(rest, "wang.fang").get("/api/grievances?community=xh02").getStatusCode())
                .as("not her community").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(rest, "zhang.lan").get("/api/grievances?community=xh01").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aHotlineClerkFilesOnBehalfOfACaller() throws Exception {
        ResponseEntity<String> filed = Api.as(rest, "wang.fang").post("/api/grievances", """
                {"channel":"HOTLINE","reporterName":"孙先生","reporterPhone":"13700137000","category":"property",
                 "subCategory":"elevator","urgency":"URGENT","description":"3栋电梯困人","communityCode":"xh01",
                 "addressText":"幸福路12号3栋"}""");
        ResponseEntity<String> nobody = Api.as(rest, "wang.fang").post("/api/grievances",
                "{\"category\":\"property\",\"description\":\"电梯坏了\",\"communityCode\":\"xh01\",\"addressText\":\"3栋\"}");

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(filed.getBody()).get("caseNumber").asText();
        assertThat(json.readTree(Api.as(rest, "wang.fang").get("/api/grievances/" + caseNumber).getBody())
                .get("channel").asText()).isEqualTo("HOTLINE");
        assertThat(nobody.getBody()).contains("GRV-008");
    }

    @Test
    void aHotlineClerkStartsTheProcessFromTasklistsStartForm() throws Exception {
        ResponseEntity<String> started = Api.as(rest, "wang.fang").post(
                "/engine-rest/process-definition/key/grievance-handling/submit-form", """
                {"variables":{"category":{"value":"municipal"},"subCategory":{"value":"streetlight"},
                 "urgency":{"value":"NORMAL"},"description":{"value":"和平街路灯连续三晚不亮"},
                 "address":{"value":"和平街8号"},"reporterPhone":{"value":"13500135000"},
                 "reporterName":{"value":"钱女士"}}}""");

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String caseNumber = json.readTree(started.getBody()).get("businessKey").asText();
        assertThat(caseNumber).matches("GR-\\d{4}-\\d{6}");
        JsonNode grievance = json.readTree(Api.as(rest, "wang.fang").get("/api/grievances/" + caseNumber).getBody());
        assertThat(grievance.get("channel").asText()).isEqualTo("HOTLINE");
        assertThat(grievance.get("communityCode").asText()).as("the clerk's own community").isEqualTo("xh01");
        assertThat(jdbc.queryForObject("SELECT filed_by FROM grv_case WHERE case_number = ?", String.class,
                caseNumber)).isEqualTo("wang.fang");
        String instance = json.readTree(started.getBody()).get("id").asText();
        assertThat(runtimeService.getVariables(instance)).as("the caller's name and phone stay in the case row")
                .doesNotContainKeys("reporterPhone", "reporterName");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableNameIn("reporterPhone", "reporterName").count()).isZero();

        Task verify = waitForTask(caseNumber, "Task_VerifyReport", "community-xh01");
        ResponseEntity<String> note = Api.as(rest, "wang.fang").post("/engine-rest/task/" + verify.getId()
                + "/comment/create", "{\"message\":\"已电话联系报修人\"}");
        assertThat(note.getStatusCode()).as("clerks add notes to tasks in Tasklist").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aGridWorkerOnPatrolReportsAndFollowsTheCase() throws Exception {
        ResponseEntity<String> started = Api.as(rest, "li.qiang").post(
                "/engine-rest/process-definition/key/grievance-handling/submit-form", """
                {"variables":{"channel":{"value":"PATROL"},"category":{"value":"public-safety"},
                 "subCategory":{"value":"fire-exit"},"urgency":{"value":"URGENT"},
                 "description":{"value":"3栋楼道堆放电动车，堵塞消防通道"},"address":{"value":"幸福路12号3栋"}}}""");

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String caseNumber = json.readTree(started.getBody()).get("businessKey").asText();
        JsonNode grievance = json.readTree(Api.as(rest, "li.qiang").get("/api/grievances/" + caseNumber).getBody());
        assertThat(grievance.get("channel").asText()).isEqualTo("PATROL");
        assertThat(json.readTree(Api.as(rest, "li.qiang").get("/api/grievances").getBody()).findValuesAsText("caseNumber"))
                .as("the grid worker follows the case as its reporter").contains(caseNumber);
    }

    @Test
    void theClerkIsOfferedOpenCasesAtTheSameAddressToMerge() throws Exception {
        Api resident = Api.as(rest, "zhang.lan");
        String body = """
                {"category":"rental-housing","description":"%s","communityCode":"xh01","addressText":"友谊路3号"}""";
        String first = json.readTree(resident.post("/api/grievances", body.formatted("出租屋群租，夜间吵闹"))
                .getBody()).get("caseNumber").asText();
        String second = json.readTree(resident.post("/api/grievances", body.formatted("隔壁出租屋住了十几个人"))
                .getBody()).get("caseNumber").asText();

        Task verify = waitForTask(second, "Task_VerifyReport", "community-xh01");
        JsonNode options = json.readTree(Api.as(rest, "wang.fang").get("/engine-rest/task/" + verify.getId()
                + "/form-variables?variableNames=duplicateOptions").getBody()).get("duplicateOptions");
        assertThat(options.get("value").toString()).contains(first).doesNotContain(second);

        complete(verify, "wang.fang", Map.of("verifyOutcome", "MERGE", "mergeInto", first));
        await().atMost(Duration.ofSeconds(30)).until(() -> "MERGED".equals(status(resident, second)));
        assertThat(json.readTree(resident.get("/api/grievances/" + second).getBody()).get("mergedInto").asText())
                .isEqualTo(first);
        assertThat(status(resident, first)).isEqualTo("RECEIVED");
    }

    @Test
    void open311ClientsFileAndFollowTheSameProcess() throws Exception {
        // GeoReport v2: a 311 client lists the services before anyone signs in
        ResponseEntity<String> services = rest.getForEntity("/open311/v2/services.json", String.class);
        assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(services.getBody()).findValuesAsText("service_code")).contains("environment", "municipal");

        ResponseEntity<String> created = open311Post(Map.of("jurisdiction_id", "xh01", "service_code", "municipal",
                "description", "路灯不亮", "address_string", "幸福路路口", "first_name", "明", "last_name", "周",
                "phone", "13600136000"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = json.readTree(created.getBody()).get(0).get("service_request_id").asText();

        JsonNode request = json.readTree(Api.as(rest, "wang.fang").get("/open311/v2/requests/" + id + ".json").getBody())
                .get(0);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("service_code").asText()).isEqualTo("municipal");
        assertThat(request.get("address").asText()).isEqualTo("幸福路路口");
        assertThat(rest.getForEntity("/open311/v2/requests/" + id + ".json", String.class).getStatusCode())
                .as("requests name places and people: never anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.postForEntity("/open311/v2/services.json", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);

        ResponseEntity<String> unknown = open311Post(Map.of("jurisdiction_id", "xh01", "service_code", "ufo",
                "description", "x", "address_string", "y", "phone", "13600136000"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(unknown.getBody()).get(0).get("description").asText()).startsWith("GRV-001");
        ResponseEntity<String> missing = open311Post(Map.of("service_code", "municipal"));
        assertThat(json.readTree(missing.getBody()).get(0).get("code").asInt()).isEqualTo(400);
    }

    private ResponseEntity<String> open311Post(Map<String, String> parameters) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setBasicAuth("wang.fang", "demo");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        parameters.forEach(form::add);
        return rest.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers), String.class);
    }

    private String status(Api api, String caseNumber) throws Exception {
        return json.readTree(api.get("/api/grievances/" + caseNumber).getBody()).get("status").asText();
    }

    private Task waitForTask(String caseNumber, String taskKey, String candidateGroup) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var query = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey);
            if (candidateGroup != null) {
                query.taskCandidateGroup(candidateGroup);
            }
            return query.singleResult();
        }, task -> task != null);
    }

    /** Completes a task through the engine REST API as {@code user}, as Tasklist does. */
    private void complete(Task task, String user, Map<String, Object> variables) throws Exception {
        StringBuilder body = new StringBuilder("{\"variables\":{");
        variables.forEach((name, value) -> {
            try {
                body.append(body.charAt(body.length() - 1) == '{' ? "" : ",")
                        .append(json.writeValueAsString(name)).append(":{\"value\":")
                        .append(json.writeValueAsString(value)).append("}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        body.append("}}");
        ResponseEntity<String> response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
                body.toString());
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getStatusCode() + " " + response.getBody()).isTrue();
    }
}
