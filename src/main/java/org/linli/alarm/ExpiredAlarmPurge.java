package org.linli.alarm;

import java.time.Clock;

import org.camunda.bpm.engine.RepositoryService;
import org.linli.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of alarm cases (docs/privacy.md): an alarm row (a device at a place, what it reported, how it ended) goes
 * once its family's {@code historyTimeToLive} (the BPMN's, one year) has passed since it closed, as its engine history
 * and its index document do. Open alarms stay. The device events behind it are forgotten much earlier
 * ({@link EventRetention}). Each batch is a statement of its own.
 */
@Component
class ExpiredAlarmPurge {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ExpiredAlarmPurge.class);

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;
    private final Clock clock;

    ExpiredAlarmPurge(JdbcClient jdbc, RepositoryService repositoryService, Clock clock) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.clock = clock;
    }

    @Scheduled(cron = "${app.alarm.retention-cron:0 50 5 * * *}", zone = "${app.alarm.retention-zone:Asia/Shanghai}")
    void scheduled() {
        Retention.nightly(log, "alarm cases closed more than their time to live ago", this::purge);
    }

    /** Removes every expired alarm row, batch by batch; answers how many. */
    int purge() {
        return Retention.purgeExpired(repositoryService, AlarmCases.PROCESS_KEY, clock.instant(), BATCH,
                before -> Retention.deleteBatch(jdbc, "SELECT id FROM alm_alarm WHERE closed_at < :before "
                        + "ORDER BY closed_at LIMIT :batch", "alm_alarm", before, BATCH));
    }
}
