package org.linli.alarm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a device reports. {@link #OFFLINE} is never published by a device: Linli raises it from liveness. */
public enum EventType {
    SMOKE, GAS, WATER_LEAK, ELEVATOR_FAULT, DOOR_OPEN, NO_MOTION, FALL, HEARTBEAT, CLEARED, OFFLINE;

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    /** The name on the wire and in the DMN: {@code water_leak}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this event opens (or repeats) an alarm case. */
    public boolean raisesAlarm() {
        return this != HEARTBEAT && this != CLEARED;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
