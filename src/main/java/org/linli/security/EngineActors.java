package org.linli.security;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in the engine: the logged-in user (Tasklist, engine REST, the app's API); jobs run as nobody. */
@Component
public class EngineActors {

    /** Who a delegate records when no user is acting (a job, a timer). */
    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public EngineActors(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The logged-in user of the current engine command, if any. */
    public Optional<String> current() {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? Optional.empty() : Optional.ofNullable(current.getUserId());
    }

    /** The current user, else the task's assignee. */
    public Optional<String> actorOf(DelegateTask task) {
        return current().or(() -> Optional.ofNullable(task.getAssignee()));
    }

    /** The current user, else {@link #SYSTEM}. */
    public String currentOrSystem() {
        return current().orElse(SYSTEM);
    }
}
