package org.linli.alarm.simulator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic, repeatable stream of device events for demos and the benchmark: of every 100 events about
 * {@code alarmPercent} open an alarm on a quiet device, {@code repeatPercent} repeat an open alarm, a few clear one
 * (so alarms come and go) and the rest are heartbeats. Devices are {@code <prefix>-<n>}, their alarm type by number.
 * Types are those whose clearing needs no human check (water leak, door open, no motion), so the stream can run
 * for hours without piling up tasks.
 */
public final class DeviceStream {

    static final String[] TYPES = {"water_leak", "door_open", "no_motion"};

    private final String community;
    private final String prefix;
    private final int devices;
    private final int alarmPercent;
    private final int repeatPercent;
    private final int clearPercent;
    private final SplittableRandom random;
    private final BitSet open = new BitSet();
    private final List<Integer> openList = new ArrayList<>();
    private long sequence;

    public DeviceStream(String community, String prefix, int devices, int alarmPercent, int repeatPercent,
            int clearPercent, long seed) {
        if (alarmPercent + repeatPercent + clearPercent > 100 || devices < 1) {
            throw new IllegalArgumentException("percentages must add up to at most 100, devices at least 1");
        }
        this.community = community;
        this.prefix = prefix;
        this.devices = devices;
        this.alarmPercent = alarmPercent;
        this.repeatPercent = repeatPercent;
        this.clearPercent = clearPercent;
        this.random = new SplittableRandom(seed);
    }

    public String deviceId(int n) {
        return prefix + "-" + n;
    }

    /** The sensor type (base data) of device n. */
    public static String sensorTypeOf(int n) {
        return switch (TYPES[n % TYPES.length]) {
            case "water_leak" -> "WATER_LEAK";
            case "door_open" -> "DOOR";
            default -> "MOTION";
        };
    }

    public int devices() {
        return devices;
    }

    /** The next event. Not thread-safe: one stream per publisher thread. */
    public Event next() {
        int roll = random.nextInt(100);
        int device;
        String type;
        if (roll < alarmPercent && openList.size() < devices) {
            device = quietDevice();
            type = TYPES[device % TYPES.length];
            open.set(device);
            openList.add(device);
        } else if (roll < alarmPercent + repeatPercent && !openList.isEmpty()) {
            device = openList.get(random.nextInt(openList.size()));
            type = TYPES[device % TYPES.length];
        } else if (roll < alarmPercent + repeatPercent + clearPercent && !openList.isEmpty()) {
            int index = random.nextInt(openList.size());
            device = openList.get(index);
            openList.set(index, openList.get(openList.size() - 1));
            openList.remove(openList.size() - 1);
            open.clear(device);
            type = "cleared";
        } else {
            device = random.nextInt(devices);
            type = "heartbeat";
        }
        String id = deviceId(device);
        String eventId = Long.toString(++sequence, 36) + "-" + Long.toString(random.nextLong() & 0xffffffL, 36);
        String topic = "linli/" + community + "/devices/" + id + "/events";
        String payload = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"severity\":\""
                + ("heartbeat".equals(type) ? "info" : "high") + "\",\"ts\":\"" + OffsetDateTime.now()
                + "\",\"data\":{\"battery\":" + (50 + device % 50) + "}}";
        return new Event(id, eventId, type, topic, payload);
    }

    private int quietDevice() {
        int device = random.nextInt(devices);
        int next = open.nextClearBit(device);
        return next < devices ? next : open.nextClearBit(0);
    }

    public record Event(String deviceId, String eventId, String type, String topic, String payload) {
    }
}
