package org.linli.alarm;

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

    long open(DeviceEvent event, String processInstanceId, int eventCount) {
        Timestamp now = Timestamp.from(clock.instant());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alm_alarm (business_key, open_key, device_id, alarm_type, community_code, "
                + "process_instance_id, event_count, opened_at, last_event_at) "
                + "VALUES (:key, :key, :device, :type, :community, :pi, :count, :now, :last)")
                .param("key", event.alarmKey()).param("device", event.deviceId()).param("type", event.type().wireName())
                .param("community", event.communityCode()).param("pi", processInstanceId).param("count", eventCount)
                .param("now", now).param("last", Timestamp.from(event.occurredAt())).update(keys, "id");
        return keys.getKey().longValue();
    }

    void addEvents(long alarmId, int count, Instant lastEventAt) {
        jdbc.sql("UPDATE alm_alarm SET event_count = event_count + :count, last_event_at = :last WHERE id = :id")
                .param("count", count).param("last", Timestamp.from(lastEventAt)).param("id", alarmId).update();
    }

    void close(String processInstanceId, String outcome) {
        jdbc.sql("UPDATE alm_alarm SET open_key = NULL, closed_at = :now, outcome = :outcome "
                + "WHERE process_instance_id = :pi AND closed_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("outcome", outcome).param("pi", processInstanceId)
                .update();
    }

    record OpenAlarm(long id, String processInstanceId) {
    }
}
