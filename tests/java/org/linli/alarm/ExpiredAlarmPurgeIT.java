package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An alarm closed longer ago than its family's time to live (a year) leaves; younger and open alarms stay. */
@IntegrationTest
class ExpiredAlarmPurgeIT {

    @Autowired
    ExpiredAlarmPurge purge;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now();

    @Test
    void alarmsClosedMoreThanAYearAgoLeave() {
        insertAlarm("expired", now.minus(400, ChronoUnit.DAYS));
        insertAlarm("recent", now.minus(100, ChronoUnit.DAYS));
        insertAlarm("open", null);
        try {
            assertThat(purge.purge()).isPositive();

            assertThat(jdbc.sql("SELECT device_id FROM alm_alarm WHERE device_id LIKE ?").param("purge-" + run + "-%")
                    .query(String.class).list())
                    .containsExactlyInAnyOrder("purge-" + run + "-recent", "purge-" + run + "-open");
        } finally {
            jdbc.sql("DELETE FROM alm_alarm WHERE device_id LIKE ?").param("purge-" + run + "-%").update();
        }
    }

    private void insertAlarm(String kind, Instant closedAt) {
        String device = "purge-" + run + "-" + kind;
        Instant openedAt = (closedAt == null ? now.minus(700, ChronoUnit.DAYS) : closedAt).minus(1, ChronoUnit.HOURS);
        jdbc.sql("""
                INSERT INTO alm_alarm (business_key, open_key, device_id, alarm_type, community_code,
                                       process_instance_id, event_count, opened_at, last_event_at, closed_at, outcome,
                                       engine_event_count, engine_synced_at)
                VALUES (?, ?, ?, 'smoke', 'xh01', ?, 1, ?, ?, ?, ?, 1, ?)""")
                .params(device + ":smoke", closedAt == null ? device + ":smoke" : null, device,
                        UUID.randomUUID().toString(), Timestamp.from(openedAt), Timestamp.from(openedAt),
                        closedAt == null ? null : Timestamp.from(closedAt), closedAt == null ? null : "REAL",
                        Timestamp.from(openedAt))
                .update();
    }
}
