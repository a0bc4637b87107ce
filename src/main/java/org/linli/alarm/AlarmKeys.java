package org.linli.alarm;

/** Business keys of alarm cases: {@code <deviceId>/<type>}, e.g. {@code smoke-0042/smoke}. */
final class AlarmKeys {

    private AlarmKeys() {
    }

    static String of(String deviceId, EventType type) {
        return deviceId + "/" + type.wireName();
    }
}
