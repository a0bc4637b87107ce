package org.linli.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The alarm feature's own tables: seen device events (alm_device_event) and alarm cases (alm_alarm). */
@Repository
class AlarmRecords {

    private static final String TALLY = "SELECT id, process_instance_id, event_count, engine_event_count, "
            + "engine_synced_at, last_event_id, last_event_at FROM alm_alarm";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    AlarmRecords(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /**
     * The (device, event id) pairs among {@code events} already recorded, as {@code deviceId + '\n' + eventId}: one
     * query for a whole batch.
     */
    Set<String> seen(Collection<DeviceEvent> events) {
        Set<String> devices = new HashSet<>();
        Set<String> ids = new HashSet<>();
        events.forEach(event -> {
            devices.add(event.deviceId());
            ids.add(event.eventId());
        });
        return new HashSet<>(jdbc.sql("SELECT device_id, event_id FROM alm_device_event WHERE device_id IN (:devices) "
                + "AND event_id IN (:ids)").param("devices", devices).param("ids", ids)
                .query((rs, row) -> seenKey(rs.getString(1), rs.getString(2))).list());
    }

    static String seenKey(String deviceId, String eventId) {
        return deviceId + "\n" + eventId;
    }

    /** Records events; a (device, event id) recorded before fails the batch with a DuplicateKeyException. */
    void recordEvents(List<RecordedEvent> events) {
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate("INSERT INTO alm_device_event (device_id, event_id, event_type, severity, occurred_at, "
                + "received_at, outcome, alarm_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(),
                (ps, recorded) -> {
                    DeviceEvent event = recorded.event();
                    ps.setString(1, event.deviceId());
                    ps.setString(2, event.eventId());
                    ps.setString(3, event.type().wireName());
                    ps.setString(4, event.severity());
                    ps.setTimestamp(5, Timestamp.from(event.occurredAt()));
                    ps.setTimestamp(6, now);
                    ps.setString(7, recorded.outcome().name());
                    ps.setObject(8, recorded.alarmId());
                    ps.setString(9, event.data());
                });
    }

    Optional<OpenAlarm> openAlarm(String openKey) {
        return jdbc.sql("SELECT id, process_instance_id FROM alm_alarm WHERE open_key = :key").param("key", openKey)
                .query((rs, row) -> new OpenAlarm(rs.getLong(1), rs.getString(2))).optional();
    }

    List<OpenAlarm> openAlarmsOf(String deviceId) {
        return jdbc.sql("SELECT id, process_instance_id FROM alm_alarm WHERE device_id = :device AND closed_at IS NULL "
                + "ORDER BY id").param("device", deviceId)
                .query((rs, row) -> new OpenAlarm(rs.getLong(1), rs.getString(2))).list();
    }

    long open(DeviceEvent event, String processInstanceId, int eventCount, DeviceEvent last) {
        Timestamp now = Timestamp.from(clock.instant());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alm_alarm (business_key, open_key, device_id, alarm_type, community_code, "
                + "process_instance_id, event_count, opened_at, last_event_id, last_event_at, engine_event_count, "
                + "engine_synced_at) VALUES (:key, :key, :device, :type, :community, :pi, :count, :now, :lastId, "
                + ":last, :count, :now)")
                .param("key", event.alarmKey()).param("device", event.deviceId()).param("type", event.type().wireName())
                .param("community", event.communityCode()).param("pi", processInstanceId).param("count", eventCount)
                .param("now", now).param("lastId", last.eventId()).param("last", Timestamp.from(last.occurredAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Counts a run of repeated events on the alarm and answers where it stands; the row stays locked until the
     * transaction ends, so the engine's count is handed over by one transaction at a time.
     */
    RepeatTally addEvents(long alarmId, int count, DeviceEvent last) {
        jdbc.sql("UPDATE alm_alarm SET event_count = event_count + :count, last_event_id = :lastId, "
                + "last_event_at = :last WHERE id = :id")
                .param("count", count).param("lastId", last.eventId()).param("last", Timestamp.from(last.occurredAt()))
                .param("id", alarmId).update();
        return jdbc.sql(TALLY + " WHERE id = :id").param("id", alarmId).query(AlarmRecords::tally).single();
    }

    /** The open alarms whose repeats wait for the engine longer than they may. */
    List<Long> syncDue(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM alm_alarm WHERE sync_due_at <= :now AND closed_at IS NULL "
                + "ORDER BY sync_due_at LIMIT :limit").param("now", Timestamp.from(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /** The alarm's tally, its row locked, if repeats still wait for the engine (another node may have been first). */
    Optional<RepeatTally> lockWaiting(long alarmId) {
        return jdbc.sql(TALLY + " WHERE id = :id AND sync_due_at IS NOT NULL AND closed_at IS NULL FOR UPDATE")
                .param("id", alarmId).query(AlarmRecords::tally).optional();
    }

    Optional<RepeatTally> tallyOf(String processInstanceId) {
        return jdbc.sql(TALLY + " WHERE process_instance_id = :pi").param("pi", processInstanceId)
                .query(AlarmRecords::tally).optional();
    }

    void handedToEngine(long alarmId, int engineEventCount) {
        jdbc.sql("UPDATE alm_alarm SET engine_event_count = :count, engine_synced_at = :now, sync_due_at = NULL "
                + "WHERE id = :id").param("count", engineEventCount).param("now", Timestamp.from(clock.instant()))
                .param("id", alarmId).update();
    }

    void handOverDue(long alarmId, Instant due) {
        jdbc.sql("UPDATE alm_alarm SET sync_due_at = :due WHERE id = :id AND sync_due_at IS NULL")
                .param("due", Timestamp.from(due)).param("id", alarmId).update();
    }

    private static RepeatTally tally(ResultSet rs, int row) throws SQLException {
        return new RepeatTally(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    void close(String processInstanceId, String outcome) {
        jdbc.sql("UPDATE alm_alarm SET open_key = NULL, closed_at = :now, outcome = :outcome, sync_due_at = NULL "
                + "WHERE process_instance_id = :pi AND closed_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("outcome", outcome).param("pi", processInstanceId)
                .update();
    }

    record OpenAlarm(long id, String processInstanceId) {
    }

    /** An alarm's events: counted on the row, and how many of them the engine has counted, when. */
    record RepeatTally(long id, String processInstanceId, int eventCount, int engineEventCount,
            Instant engineSyncedAt, String lastEventId, Instant lastEventAt) {

        int waiting() {
            return eventCount - engineEventCount;
        }
    }
}
