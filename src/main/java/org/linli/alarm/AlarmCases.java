package org.linli.alarm;

import static org.linli.alarm.AlarmEscalationVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.linli.alarm.AlarmRecords.OpenAlarm;
import org.linli.basedata.DeviceSites.DeviceSite;
import org.springframework.stereotype.Component;

/**
 * Turns one device's new events, in order, into engine commands in the caller's transaction: the first alarm
 * event of a type starts {@code alarm-escalation}; more events of that type while it is open are counted on its
 * row and reach the process through {@link RepeatSync}; {@code cleared} ends the device's open alarms.
 */
@Component
class AlarmCases {

    static final String PROCESS_KEY = "alarm-escalation";
    static final String MESSAGE_ALARM = "SensorAlarm";
    static final String MESSAGE_REPEATED = "SensorAlarmRepeated";
    static final String MESSAGE_CLEARED = "SensorCleared";

    private final RuntimeService runtime;
    private final AlarmRecords records;
    private final RepeatSync repeats;

    AlarmCases(RuntimeService runtime, AlarmRecords records, RepeatSync repeats) {
        this.runtime = runtime;
        this.records = records;
        this.repeats = repeats;
    }

    /** Applies {@code events} (one device, oldest first, none seen before) and says what became of each. */
    List<RecordedEvent> apply(DeviceSite site, List<DeviceEvent> events) {
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        int i = 0;
        while (i < events.size()) {
            DeviceEvent first = events.get(i);
            int end = i + 1;
            if (first.type().raisesAlarm()) {
                while (end < events.size() && events.get(end).type() == first.type()) {
                    end++;
                }
                recorded.addAll(raise(site, events.subList(i, end)));
            } else if (first.type() == EventType.CLEARED) {
                recorded.add(new RecordedEvent(first, clear(first.deviceId(), first) ? EventOutcome.CLEARED
                        : EventOutcome.IGNORED, null));
            } else {
                recorded.add(new RecordedEvent(first, EventOutcome.HEARTBEAT, null));
            }
            i = end;
        }
        return recorded;
    }

    /** Ends the device's open offline alarm, if any: it has been heard again. */
    void backOnline(String deviceId, DeviceEvent heardBy) {
        records.openAlarm(AlarmKeys.of(deviceId, EventType.OFFLINE))
                .ifPresent(alarm -> correlateCleared(alarm, heardBy));
    }

    private List<RecordedEvent> raise(DeviceSite site, List<DeviceEvent> run) {
        DeviceEvent first = run.get(0);
        DeviceEvent last = run.get(run.size() - 1);
        List<RecordedEvent> recorded = new ArrayList<>(run.size());
        Optional<OpenAlarm> open = records.openAlarm(first.alarmKey());
        long alarmId;
        if (open.isPresent()) {
            alarmId = open.get().id();
            repeats.counted(records.addEvents(alarmId, run.size(), last));
            run.forEach(event -> recorded.add(new RecordedEvent(event, EventOutcome.CORRELATED, alarmId)));
        } else {
            ProcessInstance started = runtime.createMessageCorrelation(MESSAGE_ALARM)
                    .processInstanceBusinessKey(first.alarmKey()).setVariables(startVariables(site, first, last,
                            run.size()))
                    .correlateStartMessage();
            alarmId = records.open(first, started.getId(), run.size(), last);
            recorded.add(new RecordedEvent(first, EventOutcome.STARTED, alarmId));
            run.subList(1, run.size()).forEach(event -> recorded.add(new RecordedEvent(event,
                    EventOutcome.CORRELATED, alarmId)));
        }
        return recorded;
    }

    private boolean clear(String deviceId, DeviceEvent cleared) {
        boolean any = false;
        for (OpenAlarm alarm : records.openAlarmsOf(deviceId)) {
            any |= correlateCleared(alarm, cleared);
        }
        return any;
    }

    /** False when the alarm is past the stage a device can clear (in maintenance). */
    private boolean correlateCleared(OpenAlarm alarm, DeviceEvent cleared) {
        return !runtime.createMessageCorrelation(MESSAGE_CLEARED).processInstanceId(alarm.processInstanceId())
                .setVariable(CLEARED_AT, Date.from(cleared.occurredAt())).correlateAllWithResult().isEmpty();
    }

    static Map<String, Object> startVariables(DeviceSite site, DeviceEvent first, DeviceEvent last, int count) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DEVICE_ID, site.deviceId());
        variables.put(ALARM_TYPE, first.type().wireName());
        variables.put(ALARM_TYPE_NAME, AlarmTypeNames.of(first.type()));
        variables.put(TITLE, AlarmTypeNames.of(first.type()) + "告警 " + site.location());
        variables.put(REPORTED_SEVERITY, first.severity());
        variables.put(COMMUNITY_CODE, site.communityCode());
        variables.put(STREET_CODE, site.streetCode());
        variables.put(GRID_CODE, site.gridCode());
        variables.put(LOCATION_KIND, Variables.stringValue(site.locationKind(), true));
        variables.put(OCCUPANTS, Variables.stringValue(site.occupants().code(), true));
        variables.put(DEVICE_LOCATION, site.location());
        variables.put(EVENT_COUNT, count);
        variables.put(LAST_EVENT_ID, last.eventId());
        variables.put(LAST_EVENT_AT, Date.from(last.occurredAt()));
        return variables;
    }
}
