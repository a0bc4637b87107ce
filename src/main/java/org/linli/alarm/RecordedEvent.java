package org.linli.alarm;

/** An accepted device event and what ingestion did with it; {@code alarmId} is the alarm case it opened or joined. */
public record RecordedEvent(DeviceEvent event, EventOutcome outcome, Long alarmId) {
}
