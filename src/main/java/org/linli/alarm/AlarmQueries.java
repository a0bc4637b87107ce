package org.linli.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alarm cases for staff: a community's list, and one alarm with its timeline (device events and escalation). */
@Service
public class AlarmQueries {

    static final int MAX_TIMELINE_EVENTS = 200;
    private static final String COLUMNS = "id, business_key, device_id, alarm_type, community_code, "
            + "process_instance_id, event_count, opened_at, last_event_at, closed_at, outcome";

    private final JdbcClient jdbc;
    private final HistoryService history;

    AlarmQueries(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Transactional(readOnly = true)
    public List<AlarmView> ofCommunity(String communityCode, boolean openOnly, int page, int size, CurrentUser user) {
        checkAccess(communityCode, user);
        return jdbc.sql("SELECT " + COLUMNS + " FROM alm_alarm WHERE community_code = :community"
                + (openOnly ? " AND closed_at IS NULL" : "") + " ORDER BY opened_at DESC, id DESC"
                + " OFFSET " + ((long) page * size) + " ROWS FETCH FIRST " + size + " ROWS ONLY")
                .param("community", communityCode).query(AlarmQueries::view).list();
    }

    @Transactional(readOnly = true)
    public AlarmDetail alarm(long id, CurrentUser user) {
        AlarmView alarm = jdbc.sql("SELECT " + COLUMNS + " FROM alm_alarm WHERE id = :id").param("id", id)
                .query(AlarmQueries::view).optional().orElseThrow(() -> AlarmProblems.alarmNotFound(id));
        checkAccess(alarm.communityCode(), user);
        return new AlarmDetail(alarm, timeline(alarm));
    }

    private List<TimelineEntry> timeline(AlarmView alarm) {
        List<TimelineEntry> entries = new ArrayList<>(jdbc.sql("SELECT event_id, event_type, outcome, occurred_at "
                + "FROM alm_device_event WHERE alarm_id = :id ORDER BY occurred_at FETCH FIRST "
                + MAX_TIMELINE_EVENTS + " ROWS ONLY").param("id", alarm.id())
                .query((rs, row) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), "event",
                        "设备事件 " + rs.getString("event_type") + "（" + rs.getString("event_id") + "）："
                                + rs.getString("outcome"), null))
                .list());
        for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                .processInstanceId(alarm.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
            if ("Task_EnterLevel".equals(step.getActivityId()) || "Task_RemindLastLevel".equals(step.getActivityId())
                    || "Event_ClearedByDevice".equals(step.getActivityId())) {
                entries.add(new TimelineEntry(step.getStartTime().toInstant(), "step", step.getActivityName(), null));
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceId(alarm.processInstanceId()).finished().list()) {
            entries.add(new TimelineEntry(task.getEndTime().toInstant(), "task", task.getName()
                    + ("deleted".equals(task.getDeleteReason()) ? "（超时或解除，未完成）" : "（已完成）"),
                    task.getAssignee()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private static void checkAccess(String communityCode, CurrentUser user) {
        if (!user.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode))
                && !user.isIn(LinliGroups.SUPERVISORS) && !user.isIn(LinliGroups.ADMINS)) {
            throw AlarmProblems.notInCommunity(communityCode);
        }
    }

    private static AlarmView view(ResultSet rs, int row) throws SQLException {
        EventType type = EventType.fromWireName(rs.getString("alarm_type")).orElseThrow();
        return new AlarmView(rs.getLong("id"), rs.getString("business_key"), rs.getString("device_id"),
                type.wireName(), AlarmTypeNames.of(type), rs.getString("community_code"),
                rs.getString("process_instance_id"), rs.getInt("event_count"), instant(rs, "opened_at"),
                instant(rs, "last_event_at"), instant(rs, "closed_at"), rs.getString("outcome"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public record AlarmView(long id, String businessKey, String deviceId, String type, String typeName,
            String communityCode, String processInstanceId, int eventCount, Instant openedAt, Instant lastEventAt,
            Instant closedAt, String outcome) {
    }

    /** @param who the person who completed a task, where there is one */
    public record TimelineEntry(Instant at, String kind, String text, String who) {
    }

    public record AlarmDetail(AlarmView alarm, List<TimelineEntry> timeline) {
    }
}
