package org.linli.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM, by the machine's PostgreSQL server processes and by its Elasticsearch node: a
 * benchmark prints it per unit of work next to its rate, to show which of the three the work costs most. On a shared
 * machine it moves with the machine's speed too. The two servers are read from {@code /proc} (Linux); elsewhere they
 * count as zero.
 */
public final class CpuUsed {

    /** {@code /proc/<pid>/stat} counts in clock ticks; Linux has used 100 per second on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuUsed() {
    }

    public static Count now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<Long, Long> postgres = new HashMap<>();
        Map<Long, Long> elasticsearch = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String name = read(process.resolve("comm")).strip();
                long pid = Long.parseLong(process.getFileName().toString());
                if (name.equals("postgres")) {
                    postgres.put(pid, ticks(process));
                } else if (name.equals("java") && read(process.resolve("cmdline")).contains("org.elasticsearch")) {
                    elasticsearch.put(pid, ticks(process));
                }
            }
        } catch (IOException e) {
            // not Linux: only the JVM's own figure
        }
        return new Count(jvm, postgres, elasticsearch);
    }

    /** A server process's user and system time; zero when it ended meanwhile. */
    private static long ticks(Path process) {
        String stat = read(process.resolve("stat"));
        int afterName = stat.lastIndexOf(')');
        if (afterName < 0) {
            return 0;
        }
        // fields after "pid (comm)": state is field 3, utime 14, stime 15
        String[] fields = stat.substring(afterName + 2).split(" ");
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    /**
     * CPU time: the JVM's in nanoseconds, the servers' in clock ticks by process id. A server process that ends
     * between two readings takes its share with it, so benchmarks read them while their pooled connections are open.
     */
    public record Count(long jvmNanos, Map<Long, Long> postgresTicks, Map<Long, Long> elasticsearchTicks) {

        /** {@code jvm_ms=… postgres_ms=… elasticsearch_ms=… total_ms=…} used since {@code before}, per unit of work. */
        public String since(Count before, long units) {
            double jvm = (jvmNanos - before.jvmNanos) / 1e6 / units;
            double postgres = millis(postgresTicks, before.postgresTicks) / units;
            double elasticsearch = millis(elasticsearchTicks, before.elasticsearchTicks) / units;
            return "jvm_ms=%.2f postgres_ms=%.2f elasticsearch_ms=%.2f total_ms=%.2f".formatted(jvm, postgres,
                    elasticsearch, jvm + postgres + elasticsearch);
        }

        private static double millis(Map<Long, Long> now, Map<Long, Long> before) {
            long ticks = now.entrySet().stream()
                    .mapToLong(e -> Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L))).sum();
            return ticks * NANOS_PER_TICK / 1e6;
        }
    }
}
