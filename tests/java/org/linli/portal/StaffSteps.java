package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.linli.support.Api;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** What staff do meanwhile in the portal tests: wait for a case's task and complete it through the engine REST API. */
final class StaffSteps {

    private final TaskService taskService;
    private final TestRestTemplate rest;

    StaffSteps(TaskService taskService, TestRestTemplate rest) {
        this.taskService = taskService;
        this.rest = rest;
    }

    /** The task {@code taskKey} of the case or topic {@code businessKey}, once the process has reached it. */
    Task task(String businessKey, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
    }

    /** Completes a task through the engine REST API as {@code user}, as Tasklist does. */
    void complete(Task task, String user, String variables) {
        ResponseEntity<String> response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getStatusCode() + " " + response.getBody())
                .isTrue();
    }
}
