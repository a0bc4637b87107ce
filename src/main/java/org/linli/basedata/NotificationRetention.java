package org.linli.basedata;

import java.time.Clock;
import java.time.Duration;

import org.linli.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of notifications (docs/privacy.md): a message leaves {@code app.notifications.retention} after it was
 * sent, whatever it was about. It was a copy of a state change its case keeps on its own timeline, and messages to a
 * hotline caller name the caller's phone number. Each batch is a statement of its own.
 */
@Component
class NotificationRetention {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    NotificationRetention(JdbcClient jdbc, @Value("${app.notifications.retention:P365D}") Duration retention,
            Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${app.notifications.retention-cron:0 40 5 * * *}", zone = "${app.notifications.zone:Asia/Shanghai}")
    void scheduled() {
        Retention.nightly(log, "notifications sent more than " + retention + " ago", this::purge);
    }

    /** Removes every notification older than the retention, batch by batch; answers how many. */
    int purge() {
        return Retention.purgeInBatches(clock.instant().minus(retention), BATCH, before -> Retention.deleteBatch(jdbc,
                "SELECT id FROM bd_notification WHERE created_at < :before ORDER BY created_at LIMIT :batch",
                "bd_notification", before, BATCH));
    }
}
