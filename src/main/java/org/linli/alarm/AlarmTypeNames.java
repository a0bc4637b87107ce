package org.linli.alarm;

import java.util.EnumMap;
import java.util.Map;

/** Chinese names of alarm types, for task forms, notifications and the API. */
final class AlarmTypeNames {

    private static final Map<EventType, String> NAMES = new EnumMap<>(Map.of(
            EventType.SMOKE, "烟雾", EventType.GAS, "燃气泄漏", EventType.WATER_LEAK, "漏水",
            EventType.ELEVATOR_FAULT, "电梯故障", EventType.DOOR_OPEN, "门未关", EventType.NO_MOTION, "长时间无活动",
            EventType.FALL, "跌倒", EventType.HEARTBEAT, "心跳", EventType.CLEARED, "解除", EventType.OFFLINE, "设备离线"));

    private AlarmTypeNames() {
    }

    static String of(EventType type) {
        return NAMES.get(type);
    }
}
