package org.linli.portal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.linli.portal.ResidentTasks.TaskCard;
import org.linli.portal.ResidentTasks.TaskForm;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resident's own user tasks: list, the Camunda Form of one, and its submission (once per idempotency key). */
@RestController
@RequestMapping("/portal/api/tasks")
class PortalTaskController {

    private final ResidentTasks tasks;
    private final Submissions submissions;

    PortalTaskController(ResidentTasks tasks, Submissions submissions) {
        this.tasks = tasks;
        this.submissions = submissions;
    }

    @GetMapping
    List<TaskCard> open() {
        return tasks.open(CurrentUser.get());
    }

    @GetMapping("/{taskId}")
    TaskForm form(@PathVariable String taskId) {
        return tasks.form(taskId, CurrentUser.get());
    }

    @PostMapping("/{taskId}/submission")
    ResponseEntity<JsonNode> submit(@PathVariable String taskId,
            @RequestHeader(name = PortalController.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody Map<String, Object> data) {
        CurrentUser user = CurrentUser.get();
        return PortalController.answer(HttpStatus.OK, submissions.once(user.id(), key, "task " + taskId, data,
                () -> tasks.submit(taskId, data, user)));
    }
}
