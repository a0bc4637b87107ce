package org.linli.grievance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Puts the person who completed a grievance task on the case's timeline: the logged-in user (Tasklist, the
 * engine REST API, the application API), else the task's assignee.
 */
@Component
class RecordTaskCompletionListener implements TaskListener {

    private final GrievanceTimeline timeline;
    private final IdentityService identityService;

    RecordTaskCompletionListener(GrievanceTimeline timeline, IdentityService identityService) {
        this.timeline = timeline;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String actor = current != null ? current.getUserId() : task.getAssignee();
        timeline.taskCompleted((String) task.getVariable(GrievanceHandlingVariables.CASE_NUMBER), task.getName(),
                actor != null ? actor : GrievanceService.SYSTEM);
    }
}
