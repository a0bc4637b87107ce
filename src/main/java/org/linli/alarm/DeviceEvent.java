package org.linli.alarm;

import java.time.Instant;

/**
 * One device event after validation.
 *
 * @param data the free {@code data} object as JSON text, or {@code null}
 */
public record DeviceEvent(String deviceId, String communityCode, String eventId, EventType type, String severity,
        Instant occurredAt, String data) {

    /** The alarm case this event belongs to: one open case per device and type. */
    public String alarmKey() {
        return AlarmKeys.of(deviceId, type);
    }
}
