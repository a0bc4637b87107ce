package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.linli.alarm.simulator.DeviceStream;
import org.linli.basedata.DeviceSites;
import org.linli.basedata.DeviceSites.DeviceSite;
import org.linli.support.CpuUsed;
import org.linli.support.IntegrationTest;
import org.linli.support.RowsWritten;
import org.linli.support.SimulatedDevices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bin/test -Pbench}: the ceiling the engine sets for device events, next to {@code AlarmIngestionBenchmark}.
 * The same simulated mix (~10 % of events open alarms, 25 % repeat one, 5 % clear one, 60 % heartbeats) drives
 * {@code alarm-escalation} straight through the engine, with the app's own start variables: a new alarm starts an
 * instance, a {@code cleared} event ends the device's open ones, repeats and heartbeats cost the engine nothing (the
 * app counts repeats on the alarm row and hands them over at most every 30 s; heartbeats are a row update). As many
 * workers as the app's ingestion has split the devices, each committing up to its batch size of events at a time.
 * No broker, no parsing timed, no event ids, liveness or alarm rows: what is left is the engine's work, with the case
 * tracking that follows every instance.
 */
@IntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class AlarmEngineCeilingBenchmark {

    static final int DEVICES = Integer.getInteger("bench.devices", 5_000);
    static final int EVENTS = Integer.getInteger("bench.flood", 20_000);

    @Autowired
    RuntimeService runtime;
    @Autowired
    DeviceEventParser parser;
    @Autowired
    DeviceSites sites;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlarmProperties properties;

    /** Open alarm instances by alarm key; each key belongs to one worker, so no two threads share one. */
    private final Map<String, String> open = new ConcurrentHashMap<>();

    @Test
    void engineCeilingForTheAlarmMix() throws Exception {
        DeviceStream stream = new DeviceStream("xh01", "ceil", DEVICES, 10, 25, 5, 7);
        SimulatedDevices.register(jdbc, stream, "模拟设备");
        Map<String, DeviceSite> siteOf = new HashMap<>();
        for (int n = 0; n < stream.devices(); n++) {
            siteOf.put(stream.deviceId(n), sites.site(stream.deviceId(n)).orElseThrow());
        }

        drive(events(stream, EVENTS / 8), siteOf); // warm-up
        jdbc.execute("ANALYZE"); // statistics of the engine tables the warm-up filled (STACK.md), as the app benchmark
        List<List<DeviceEvent>> partitions = events(stream, EVENTS);
        RowsWritten.Count before = RowsWritten.settled(jdbc);
        CpuUsed.Count cpuBefore = CpuUsed.now();
        long started = System.nanoTime();
        int[] commands = drive(partitions, siteOf);
        double seconds = (System.nanoTime() - started) / 1e9;
        String cpu = CpuUsed.now().since(cpuBefore, EVENTS / 1000);

        System.out.printf("BENCH alarm.engine-ceiling events_per_s=%.0f events=%d starts=%d clears=%d seconds=%.1f%n",
                EVENTS / seconds, EVENTS, commands[0], commands[1], seconds);
        // CPU per 1,000 events while they were driven (the case indexer still catching up is left out)
        System.out.printf("BENCH alarm.engine-cpu per_1000_events %s%n", cpu);
        // rows written per alarm started, its share of the clears included: a figure that repeats from run to run
        RowsWritten.Count written = RowsWritten.settled(jdbc).since(before);
        System.out.printf("BENCH alarm.engine-rows starts=%d %s %s%n", commands[0], written.per("per_start",
                commands[0]), written.per("per_1000_events", EVENTS / 1000));
        System.out.printf("BENCH alarm.engine-rows.by-table %s%n", written.perTable(commands[0]));
        assertThat(commands[0]).as("the mix opens alarms").isPositive();
    }

    /** The next {@code count} events of the stream, parsed, split by device over the workers. */
    private List<List<DeviceEvent>> events(DeviceStream stream, int count) {
        List<List<DeviceEvent>> partitions = new ArrayList<>();
        for (int w = 0; w < properties.partitions(); w++) {
            partitions.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            DeviceStream.Event event = stream.next();
            DeviceEvent parsed = parser.parse(event.topic(), event.payload().getBytes(StandardCharsets.UTF_8));
            partitions.get(Math.floorMod(parsed.deviceId().hashCode(), partitions.size())).add(parsed);
        }
        return partitions;
    }

    /** Runs the partitions on their workers; answers the engine commands issued: starts and clears. */
    private int[] drive(List<List<DeviceEvent>> partitions, Map<String, DeviceSite> siteOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(partitions.size());
        try {
            List<Future<int[]>> runs = new ArrayList<>();
            for (List<DeviceEvent> partition : partitions) {
                runs.add(pool.submit(() -> {
                    int[] counts = new int[2];
                    int size = properties.maxBatch();
                    for (int from = 0; from < partition.size(); from += size) {
                        List<DeviceEvent> batch = partition.subList(from, Math.min(partition.size(), from + size));
                        transactions.executeWithoutResult(status -> batch.forEach(e -> apply(e, siteOf, counts)));
                    }
                    return counts;
                }));
            }
            int[] total = new int[2];
            for (Future<int[]> run : runs) {
                int[] counts = run.get();
                total[0] += counts[0];
                total[1] += counts[1];
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private void apply(DeviceEvent event, Map<String, DeviceSite> siteOf, int[] counts) {
        if (event.type().raisesAlarm()) {
            if (!open.containsKey(event.alarmKey())) {
                String instance = runtime.createMessageCorrelation(AlarmCases.MESSAGE_ALARM)
                        .processInstanceBusinessKey(event.alarmKey())
                        .setVariables(AlarmCases.startVariables(siteOf.get(event.deviceId()), event, event, 1))
                        .correlateStartMessage().getId();
                open.put(event.alarmKey(), instance);
                counts[0]++;
            }
        } else if (event.type() == EventType.CLEARED) {
            for (EventType type : EventType.values()) {
                String instance = type.raisesAlarm() ? open.remove(AlarmKeys.of(event.deviceId(), type)) : null;
                if (instance != null) {
                    runtime.createMessageCorrelation(AlarmCases.MESSAGE_CLEARED).processInstanceId(instance)
                            .setVariable(AlarmEscalationVariables.CLEARED_AT, Date.from(event.occurredAt()))
                            .correlateAllWithResult();
                    counts[1]++;
                }
            }
        }
    }
}
