package org.linli.alarm;

import static org.linli.alarm.AlarmEscalationVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Closes the alarm record when its process ends, so that the next event of the device and type opens a new case.
 * Outcome: the handler's verdict, or {@code cleared} when the device cleared it.
 */
@Component("closeAlarmListener")
class CloseAlarmListener implements ExecutionListener {

    static final String CLEARED = "cleared";

    private final AlarmRecords records;

    CloseAlarmListener(AlarmRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // repeats still waiting for RepeatSync: the case's history ends with the exact count
        records.tallyOf(execution.getProcessInstanceId()).filter(tally -> tally.waiting() != 0).ifPresent(tally -> {
            execution.setVariable(EVENT_COUNT, tally.eventCount());
            execution.setVariable(LAST_EVENT_ID, tally.lastEventId());
            execution.setVariable(LAST_EVENT_AT, Date.from(tally.lastEventAt()));
        });
        Object outcome = execution.getVariable(OUTCOME);
        records.close(execution.getProcessInstanceId(), outcome != null ? outcome.toString() : CLEARED);
    }
}
