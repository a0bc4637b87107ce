package org.linli.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets device events older than {@code app.alarm.event-retention}: an event id is de-duplicated within that
 * window (a broker redelivers within seconds to hours, never days). Alarm cases keep their counts.
 */
@Component
class EventRetention {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    EventRetention(JdbcClient jdbc, Clock clock, AlarmProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.eventRetention();
    }

    @Scheduled(cron = "${app.alarm.event-retention-cron:0 17 3 * * *}")
    int forgetOldEvents() {
        return jdbc.sql("DELETE FROM alm_device_event WHERE received_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(retention))).update();
    }
}
