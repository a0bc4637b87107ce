package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.linli.alarm.DeviceEventsCommitted;
import org.linli.alarm.simulator.DeviceStream;
import org.linli.support.CpuUsed;
import org.linli.support.IntegrationTest;
import org.linli.support.RowsWritten;
import org.linli.support.SimulatedDevices;
import org.linli.support.TestBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code bin/test -Pbench}: device events simulator → private Mosquitto → app → engine on PostgreSQL. Figures:
 * the raw broker rate (publisher → plain subscriber, the ceiling), publish-to-commit latency at a steady 500
 * events/s, and the sustained rate with every event committed when the publisher outruns the app. The mix is
 * {@link DeviceStream}'s: ~10 % of events open alarms, 25 % repeat one, 5 % clear one, 60 % heartbeats.
 * Zero loss is asserted: every published event id is committed exactly once.
 */
@IntegrationTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=false", "app.alarm.mqtt.enabled=true",
        "app.alarm.mqtt.client-id=linli-bench", "app.alarm.offline-check-interval=PT1H",
        // the production default (the test JVM sets 5 s for the integration tests)
        "app.alarm.repeat-sync-interval=PT30S"})
class AlarmIngestionBenchmark {

    static final int DEVICES = Integer.getInteger("bench.devices", 5_000);
    static final int STEADY_RATE = Integer.getInteger("bench.rate", 500);
    static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 20);
    /** At 500 events/s: the JIT, the connection pool and the tables' statistics settle before anything is timed. */
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup.seconds", 30);
    static final int TIMELINE_WINDOW_SECONDS = 2;
    static final int FLOOD_EVENTS = Integer.getInteger("bench.flood", 20_000);
    static final int RAW_MESSAGES = 20_000;
    /** Offered loads of the load curve (events/s), each held for {@code bench.load.seconds}. */
    static final String LOAD_RATES = System.getProperty("bench.load.rates", "100,200,400,800,1600");
    static final int LOAD_SECONDS = Integer.getInteger("bench.load.seconds", 10);
    static final String PLOT = System.getProperty("bench.plot", "docs/performance-mqtt.png");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    MeterRegistry meters;

    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final List<Latency> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong lastCommitNanos = new AtomicLong();
    private final AtomicLong publishedCount = new AtomicLong();

    @Test
    void deviceEventsFromPublishToCommit() throws Exception {
        DeviceStream stream = new DeviceStream("xh01", "bench", DEVICES, 10, 25, 5, 7);
        SimulatedDevices.register(jdbc, stream, "模拟设备");
        context.addApplicationListener(ApplicationListener.forPayload(this::committed));
        MqttAsyncClient publisher = connect("bench-publisher");

        double raw = rawBrokerRate();
        System.out.printf("alarm.broker.raw: %.0f msg/s (QoS 1, %d messages, publisher -> plain subscriber)%n", raw,
                RAW_MESSAGES);

        publish(publisher, stream, STEADY_RATE, WARM_UP_SECONDS * STEADY_RATE); // warm-up
        awaitAllCommitted(60);
        latencies.clear();
        jdbc.execute("ANALYZE"); // statistics of tables that were empty at the start (STACK.md: stale ones slow correlation)

        long steadyStart = System.nanoTime();
        publish(publisher, stream, STEADY_RATE, STEADY_RATE * STEADY_SECONDS);
        awaitAllCommitted(60);
        long[] steady = sorted(latencies);
        System.out.printf("BENCH alarm.latency.timeline window_s=%d p99_ms=%s%n", TIMELINE_WINDOW_SECONDS,
                p99ByWindow(steadyStart));
        System.out.printf("alarm.latency.p50: %.1f ms at %d events/s for %d s%n", percentile(steady, 50) / 1e6,
                STEADY_RATE, STEADY_SECONDS);
        System.out.printf("alarm.latency.p99: %.1f ms at %d events/s for %d s%n", percentile(steady, 99) / 1e6,
                STEADY_RATE, STEADY_SECONDS);
        latencies.clear();

        loadCurve(publisher, stream);

        RowsWritten.Count before = RowsWritten.settled(jdbc);
        CpuUsed.Count cpuBefore = CpuUsed.now();
        long start = System.nanoTime();
        publish(publisher, stream, 0, FLOOD_EVENTS);
        awaitAllCommitted(300);
        double seconds = (lastCommitNanos.get() - start) / 1e9;
        // the publisher's share is in the JVM's figure; the broker's is in neither
        String cpu = CpuUsed.now().since(cpuBefore, FLOOD_EVENTS / 1000);
        long[] flood = sorted(latencies);
        System.out.printf("alarm.sustained: %.0f events/s committed (%d events published as fast as possible, "
                + "%.1f s to the last commit, p50 %.0f ms, p99 %.0f ms behind)%n", FLOOD_EVENTS / seconds,
                FLOOD_EVENTS, seconds, percentile(flood, 50) / 1e6, percentile(flood, 99) / 1e6);
        System.out.printf("BENCH alarm.flood-cpu per_1000_events %s%n", cpu);
        // rows written during the flood: the app's own (events, liveness, alarm rows) beside the engine's, with the
        // repeat hand-overs and the case indexing that ran meanwhile
        RowsWritten.Count written = RowsWritten.settled(jdbc).since(before);
        System.out.printf("BENCH alarm.flood-rows events=%d %s%n", FLOOD_EVENTS, written.per("per_1000_events",
                FLOOD_EVENTS / 1000));
        System.out.printf("BENCH alarm.flood-rows.by-table per_1000_events %s%n", written.perTable(FLOOD_EVENTS / 1000));

        var batches = meters.get("linli.alarm.ingest.batch").summary();
        System.out.printf("alarm.batches: %d transactions, %.1f events each on average, largest %.0f%n",
                batches.count(), batches.mean(), batches.max());
        Long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM alm_device_event WHERE device_id LIKE 'bench-%'",
                Long.class);
        System.out.printf("alarm.loss: %d lost, %d committed twice, %d recorded of %d published%n",
                publishedAt.size(), unexpected.get(), recorded, publishedCount.get());
        assertThat(publishedAt).as("events never committed").isEmpty();
        assertThat(unexpected.get()).as("events committed twice").isZero();
        assertThat(recorded).isEqualTo(publishedCount.get());
        publisher.disconnect().waitForCompletion();
        publisher.close();
    }

    /**
     * Throughput and latency against offered load: each rate for a while, then everything committed before the next.
     * Achieved = events / (first publish → last commit); the PNG goes next to docs/performance.md.
     */
    private void loadCurve(MqttAsyncClient publisher, DeviceStream stream) throws Exception {
        LoadCurve curve = new LoadCurve();
        for (String rateText : LOAD_RATES.split(",")) {
            int rate = Integer.parseInt(rateText.strip());
            int count = rate * LOAD_SECONDS;
            latencies.clear();
            long start = System.nanoTime();
            publish(publisher, stream, rate, count);
            awaitAllCommitted(300);
            double achieved = count / ((lastCommitNanos.get() - start) / 1e9);
            long[] sorted = sorted(latencies);
            LoadCurve.Point point = new LoadCurve.Point(rate, achieved, percentile(sorted, 50) / 1e6,
                    percentile(sorted, 99) / 1e6);
            curve.add(point);
            System.out.printf("BENCH alarm.load offered_per_s=%d achieved_per_s=%.0f p50_ms=%.0f p99_ms=%.0f events=%d%n",
                    rate, point.achievedPerSecond(), point.p50Millis(), point.p99Millis(), count);
        }
        latencies.clear();
        curve.save(java.nio.file.Path.of(PLOT), Runtime.getRuntime().availableProcessors() + " cores, "
                + java.time.LocalDate.now());
        System.out.println("alarm.load.plot: " + PLOT);
    }

    private void committed(DeviceEventsCommitted batch) {
        long now = System.nanoTime();
        batch.events().forEach(recorded -> {
            Long sent = publishedAt.remove(recorded.event().eventId());
            if (sent == null) {
                unexpected.incrementAndGet();
            } else {
                latencies.add(new Latency(sent, now - sent));
            }
        });
        lastCommitNanos.accumulateAndGet(now, Math::max);
    }

    /** Publishes {@code count} events at {@code rate} per second (0: as fast as the broker takes them). */
    private void publish(MqttAsyncClient publisher, DeviceStream stream, int rate, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                // parked, not spinning: the simulator stands for devices elsewhere and must not take a core
                // of the two the app has (a spin loop here took more CPU than any ingestion worker, JFR)
                long wait;
                while ((wait = start + (long) (i * (1e9 / rate)) - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            DeviceStream.Event event = stream.next();
            publishedAt.put(event.eventId(), System.nanoTime());
            publishedCount.incrementAndGet();
            send(publisher, event.topic(), event.payload().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(MqttAsyncClient publisher, String topic, byte[] payload) throws Exception {
        while (true) {
            try {
                publisher.publish(topic, payload, 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(1);
            }
        }
    }

    private void awaitAllCommitted(int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!publishedAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private double rawBrokerRate() throws Exception {
        MqttClient subscriber = new MqttClient(TestBroker.url(), "bench-raw-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65535);
        subscriber.connect(options);
        CountDownLatch received = new CountDownLatch(RAW_MESSAGES);
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("bench/raw/#", 1)},
                new IMqttMessageListener[] {(topic, message) -> received.countDown()});
        MqttAsyncClient publisher = connect("bench-raw-publisher");
        byte[] payload = new byte[300];
        Arrays.fill(payload, (byte) 'x');
        long start = System.nanoTime();
        for (int i = 0; i < RAW_MESSAGES; i++) {
            send(publisher, "bench/raw/" + (i % 100), payload);
        }
        assertThat(received.await(120, TimeUnit.SECONDS)).isTrue();
        double rate = RAW_MESSAGES / ((System.nanoTime() - start) / 1e9);
        publisher.disconnect().waitForCompletion();
        publisher.close();
        subscriber.disconnect();
        subscriber.close();
        return rate;
    }

    private static MqttAsyncClient connect(String name) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(TestBroker.url(), name + "-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion();
        return client;
    }

    private static long[] sorted(List<Latency> values) {
        synchronized (values) {
            return values.stream().mapToLong(Latency::nanos).sorted().toArray();
        }
    }

    /**
     * The p99 of the events published in each window since {@code start}: whether a high p99 is one stall (and
     * when) or the whole phase.
     */
    private String p99ByWindow(long start) {
        Map<Long, List<Latency>> windows = new TreeMap<>();
        synchronized (latencies) {
            latencies.forEach(latency -> windows.computeIfAbsent(
                    (latency.sentAt() - start) / TimeUnit.SECONDS.toNanos(TIMELINE_WINDOW_SECONDS),
                    window -> new ArrayList<>()).add(latency));
        }
        return windows.values().stream().map(window -> String.format("%.0f", percentile(sorted(window), 99) / 1e6))
                .collect(Collectors.joining(","));
    }

    /** One committed event: when it was published, and how long it took to commit. */
    private record Latency(long sentAt, long nanos) {
    }

    private static double percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
