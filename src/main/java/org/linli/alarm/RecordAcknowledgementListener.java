package org.linli.alarm;

import static org.linli.alarm.AlarmEscalationVariables.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linli.security.EngineActors;
import org.springframework.stereotype.Component;

/**
 * Records who acknowledged an alarm, when and at which level: the person who completes "确认告警" (or the task's
 * assignee when completed without a logged-in user) also gets the on-site task.
 */
@Component("recordAcknowledgementListener")
class RecordAcknowledgementListener implements TaskListener {

    private final EngineActors actors;
    private final Clock clock;

    RecordAcknowledgementListener(EngineActors actors, Clock clock) {
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = actors.actorOf(task).orElseThrow(() -> new IllegalStateException(
                "An alarm is acknowledged by a person: claim the task or log in first"));
        task.setVariable(ACKNOWLEDGED_BY, by);
        task.setVariable(ACKNOWLEDGED_AT, Date.from(clock.instant()));
        task.setVariable(ACKNOWLEDGED_LEVEL, task.getVariable(ESCALATION_LEVEL));
    }
}
