package org.linli.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each device was last heard from, outside the engine: a heartbeat is a row update, never a process step. A
 * device becomes due for an "offline" alarm {@code offlineGrace} heartbeat intervals after it was last heard.
 * The time is kept to within a tenth of the device's heartbeat interval: a device that talks more often than
 * that (a burst of alarms, a chatty sensor) does not rewrite its row for every message.
 */
@Repository
class DeviceLiveness {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final int grace;

    DeviceLiveness(JdbcClient jdbc, JdbcTemplate template, Clock clock, AlarmProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.grace = properties.offlineGrace();
    }

    /**
     * Records that devices were heard; answers the ids of those that were offline until now.
     *
     * @param heard device id → heartbeat interval in seconds
     */
    List<String> heard(Map<String, Integer> heard) {
        if (heard.isEmpty()) {
            return List.of();
        }
        Map<String, Liveness> known = new HashMap<>();
        jdbc.sql("SELECT device_id, offline, last_seen_at FROM alm_device_liveness WHERE device_id IN (:ids)")
                .param("ids", heard.keySet()).query(rs -> {
                    known.put(rs.getString(1), new Liveness(rs.getBoolean(2), rs.getTimestamp(3).toInstant()));
                });
        Instant now = clock.instant();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<String> backOnline = new ArrayList<>();
        heard.forEach((deviceId, interval) -> {
            Timestamp due = Timestamp.from(now.plusSeconds((long) interval * grace));
            Liveness liveness = known.get(deviceId);
            if (liveness == null) {
                inserts.add(new Object[] {deviceId, Timestamp.from(now), due});
            } else if (liveness.offline()) {
                updates.add(new Object[] {Timestamp.from(now), due, deviceId});
                backOnline.add(deviceId);
            } else if (liveness.lastSeen().isBefore(now.minusMillis(interval * 100L))) {
                updates.add(new Object[] {Timestamp.from(now), due, deviceId});
            }
        });
        if (!updates.isEmpty()) {
            template.batchUpdate("UPDATE alm_device_liveness SET last_seen_at = ?, offline_due_at = ?, offline = FALSE "
                    + "WHERE device_id = ?", updates);
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate("INSERT INTO alm_device_liveness (device_id, last_seen_at, offline_due_at, offline) "
                    + "VALUES (?, ?, ?, FALSE)", inserts);
        }
        return backOnline;
    }

    /** Devices silent past their due time and not yet marked offline, oldest first: an index range scan. */
    List<SilentDevice> due(int limit) {
        return jdbc.sql("SELECT device_id, last_seen_at FROM alm_device_liveness WHERE offline = FALSE "
                + "AND offline_due_at <= :now ORDER BY offline_due_at FETCH FIRST " + limit + " ROWS ONLY")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new SilentDevice(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** Whether the device is still silent (nothing heard since the watch saw it due). */
    boolean stillSilent(String deviceId, Instant lastSeen) {
        return jdbc.sql("SELECT COUNT(*) FROM alm_device_liveness WHERE device_id = :id AND offline = FALSE "
                + "AND last_seen_at <= :seen").param("id", deviceId).param("seen", Timestamp.from(lastSeen))
                .query(Long.class).single() > 0;
    }

    void markOffline(Collection<String> deviceIds) {
        if (!deviceIds.isEmpty()) {
            jdbc.sql("UPDATE alm_device_liveness SET offline = TRUE WHERE device_id IN (:ids)").param("ids", deviceIds)
                    .update();
        }
    }

    record SilentDevice(String deviceId, Instant lastSeen) {
    }

    private record Liveness(boolean offline, Instant lastSeen) {
    }
}
