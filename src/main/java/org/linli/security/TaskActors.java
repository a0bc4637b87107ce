package org.linli.security;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the logged-in user (Tasklist, engine REST, the app's API), else the task's assignee. */
@Component
public class TaskActors {

    private final IdentityService identityService;

    public TaskActors(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> actorOf(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return Optional.of(current.getUserId());
        }
        return Optional.ofNullable(task.getAssignee());
    }
}
