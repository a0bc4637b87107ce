package org.linli.grievance;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linli.security.EngineActors;
import org.springframework.stereotype.Component;

/**
 * Puts the person who completed a grievance task on the case's timeline: the logged-in user (Tasklist, the
 * engine REST API, the application API), else the task's assignee.
 */
@Component
class RecordTaskCompletionListener implements TaskListener {

    private final GrievanceTimeline timeline;
    private final EngineActors actors;

    RecordTaskCompletionListener(GrievanceTimeline timeline, EngineActors actors) {
        this.timeline = timeline;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        timeline.taskCompleted((String) task.getVariable(GrievanceHandlingVariables.CASE_NUMBER), task.getName(),
                actors.actorOf(task).orElse(GrievanceService.SYSTEM));
    }
}
