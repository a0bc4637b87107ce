package org.linli.alarm;

import static org.linli.alarm.AlarmEscalationVariables.LAST_EVENT_AT;
import static org.linli.alarm.AlarmEscalationVariables.LAST_EVENT_ID;
import static org.linli.alarm.AlarmEscalationVariables.REPEAT_COUNT;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.linli.alarm.AlarmRecords.RepeatTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands repeated events to the alarm's process at most once per {@code app.alarm.repeat-sync-interval}: a device
 * that repeats its alarm every second costs one engine command per interval, not one per event. The alarm row
 * counts every event at once (the alarm list, its timeline and the dashboard read it); the process's
 * {@code eventCount} (the task form's 累计 N 次) follows within the interval, and exactly when the alarm ends
 * ({@link CloseAlarmListener}). Interval zero: every run of repeats goes to the engine at once.
 */
@Component
class RepeatSync {

    private static final Logger log = LoggerFactory.getLogger(RepeatSync.class);
    static final int BATCH = 500;

    private final AlarmRecords records;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final AlarmProperties properties;
    private final Clock clock;

    RepeatSync(AlarmRecords records, RuntimeService runtime, TransactionTemplate transactions,
            AlarmProperties properties, Clock clock) {
        this.records = records;
        this.runtime = runtime;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** After repeats were counted on the row, in the same transaction: hand them over now, or mark them due. */
    void counted(RepeatTally tally) {
        Instant due = tally.engineSyncedAt().plus(properties.repeatSyncInterval());
        if (due.isAfter(clock.instant())) {
            records.handOverDue(tally.id(), due);
        } else {
            handOver(tally);
        }
    }

    /** Every second: the repeats whose interval has run out (an index read when nothing is due). */
    @Scheduled(fixedDelay = 1000)
    void handOverDue() {
        for (long alarmId : records.syncDue(clock.instant(), BATCH)) {
            try {
                transactions.executeWithoutResult(status -> records.lockWaiting(alarmId).ifPresent(this::handOver));
            } catch (RuntimeException e) {
                log.debug("Repeats of alarm {} not handed over yet; next round", alarmId, e);
            }
        }
    }

    /** Inside the caller's transaction; a correlation the engine refuses rolls the whole transaction back. */
    private void handOver(RepeatTally tally) {
        runtime.createMessageCorrelation(AlarmCases.MESSAGE_REPEATED).processInstanceId(tally.processInstanceId())
                .setVariable(REPEAT_COUNT, Variables.integerValue(tally.waiting(), true))
                .setVariable(LAST_EVENT_ID, tally.lastEventId())
                .setVariable(LAST_EVENT_AT, Date.from(tally.lastEventAt())).correlateWithResult();
        records.handedToEngine(tally.id(), tally.eventCount());
    }
}
