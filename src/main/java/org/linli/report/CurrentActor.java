package org.linli.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the engine right now (the Tasklist user completing a task), or "system" for jobs. */
final class CurrentActor {

    private CurrentActor() {
    }

    static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
