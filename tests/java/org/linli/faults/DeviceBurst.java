package org.linli.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.linli.alarm.DeviceEventsCommitted;
import org.linli.alarm.EventOutcome;
import org.linli.alarm.simulator.DeviceStream;
import org.linli.support.SimulatedDevices;
import org.linli.support.TestBroker;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A burst of device events for the fault tests: devices registered in base data, events from {@link DeviceStream}
 * (mostly heartbeats, some alarms, repeats and clears), published at QoS 1 the way a device does it: an event whose
 * PUBACK never came is sent again with the same id once the broker is back. Counts what the app committed per
 * event, so a test can say "processed exactly once" without timing anything.
 */
final class DeviceBurst {

    private final DeviceStream stream;
    private final List<DeviceStream.Event> events = new ArrayList<>();
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final String prefix;
    private final AtomicInteger noSubscriber = new AtomicInteger();
    private MqttAsyncClient publisher;

    DeviceBurst(String prefix, int devices, long seed) {
        this.prefix = prefix;
        this.stream = new DeviceStream("xh01", prefix, devices, 2, 8, 1, seed);
    }

    String prefix() {
        return prefix;
    }

    /** Registers the devices straight in base data (the API is not what is under test). */
    void register(JdbcTemplate jdbc) {
        SimulatedDevices.register(jdbc, stream, "故障测试设备");
    }

    /** Listener for {@link DeviceEventsCommitted}: counts each of this burst's events the app processed. */
    void committed(DeviceEventsCommitted batch) {
        batch.events().stream().filter(recorded -> recorded.event().deviceId().startsWith(prefix + "-"))
                .forEach(recorded -> {
                    if (recorded.outcome() == EventOutcome.DUPLICATE) {
                        duplicates.incrementAndGet();
                    } else {
                        processed.computeIfAbsent(key(recorded.event().deviceId(), recorded.event().eventId()),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                });
    }

    /** Publishes {@code count} events; {@code during} runs once after {@code faultAfter} of them were sent. */
    void publish(int count, int faultAfter, Runnable during) throws MqttException {
        connect();
        for (int i = 0; i < count; i++) {
            if (i == faultAfter) {
                during.run();
            }
            DeviceStream.Event event = stream.next();
            events.add(event);
            send(event);
        }
        publisher.disconnect().waitForCompletion(10_000);
        publisher.close();
    }

    /**
     * Sends until the broker took the event for a subscriber: a missing PUBACK (broker away) and a PUBACK with reason
     * 16, "no matching subscribers" (the broker is back but no app node has subscribed again yet: Mosquitto does
     * not keep shared subscriptions across a restart), both mean "send it again", as docs/devices.md asks of devices.
     */
    private void send(DeviceStream.Event event) throws MqttException {
        byte[] payload = event.payload().getBytes(StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                if (!publisher.isConnected()) {
                    publisher.connect(options()).waitForCompletion(10_000);
                }
                IMqttToken token = publisher.publish(event.topic(), payload, 1, false);
                token.waitForCompletion(10_000);
                int[] reasons = token.getReasonCodes();
                if (reasons == null || reasons.length == 0 || reasons[0] != MqttReturnCode.RETURN_CODE_NO_MATCHING_SUBSCRIBERS) {
                    return;
                }
                noSubscriber.incrementAndGet();
            } catch (MqttException brokerAway) {
                if (Instant.now().isAfter(deadline)) {
                    throw brokerAway;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no app node subscribed for a minute");
            }
            pause(200);
        }
    }

    private void connect() throws MqttException {
        publisher = new MqttAsyncClient(TestBroker.url(), prefix + "-publisher-" + UUID.randomUUID(),
                new MemoryPersistence());
        publisher.connect(options()).waitForCompletion(10_000);
    }

    /** Publishes the broker answered with "no matching subscribers" (and that were sent again). */
    int noSubscriber() {
        return noSubscriber.get();
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(5);
        return options;
    }

    List<DeviceStream.Event> events() {
        return events;
    }

    /**
     * Waits until {@code count} events were processed, or the time is up (the assertions then name what is missing),
     * and a little longer: a late redelivery would show up as a second processing.
     */
    void awaitProcessed(int count, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (processedCount() < count && Instant.now().isBefore(deadline)) {
            pause(250);
        }
        pause(2_000);
    }

    /** Events the app processed (not counting redeliveries it recognised). */
    int processedCount() {
        return processed.size();
    }

    /** Events processed more than once: must be none. */
    List<String> processedTwice() {
        return processed.entrySet().stream().filter(entry -> entry.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    /** Published events never processed. */
    List<String> lost() {
        return events.stream().map(event -> key(event.deviceId(), event.eventId()))
                .filter(key -> !processed.containsKey(key)).toList();
    }

    int redeliveries() {
        return duplicates.get();
    }

    /** Events of an alarm type (neither heartbeat nor cleared): each opened or joined an alarm case. */
    long alarmEvents() {
        return events.stream().filter(event -> !event.type().equals("heartbeat") && !event.type().equals("cleared"))
                .count();
    }

    /** What the database holds for this burst's devices, whichever node wrote it. */
    Ledger ledger(JdbcTemplate jdbc) {
        String like = prefix + "-%";
        Map<String, Object> events = jdbc.queryForMap("SELECT COUNT(*) AS recorded, "
                + "COUNT(*) FILTER (WHERE outcome IN ('STARTED', 'CORRELATED')) AS alarm_events, "
                + "COUNT(*) FILTER (WHERE outcome = 'STARTED') AS started, "
                + "COUNT(*) FILTER (WHERE outcome = 'FAILED') AS failed FROM alm_device_event WHERE device_id LIKE ?", like);
        Map<String, Object> alarms = jdbc.queryForMap("SELECT COUNT(*) AS alarms, COALESCE(SUM(event_count), 0) AS counted "
                + "FROM alm_alarm WHERE device_id LIKE ?", like);
        long instances = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ LIKE ?",
                Long.class, like);
        return new Ledger(number(events.get("recorded")), number(events.get("alarm_events")),
                number(events.get("started")), number(events.get("failed")), number(alarms.get("alarms")),
                number(alarms.get("counted")), instances);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * @param recorded event rows (one per device and event id: the primary key)
     * @param alarmEvents rows that opened or joined an alarm case
     * @param counted the sum of the alarm cases' event counters
     * @param instances alarm process instances ever started for these devices
     */
    record Ledger(long recorded, long alarmEvents, long started, long failed, long alarms, long counted,
            long instances) {
    }

    static String key(String deviceId, String eventId) {
        return deviceId + "/" + eventId;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
