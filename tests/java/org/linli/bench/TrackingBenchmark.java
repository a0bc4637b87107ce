package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.linli.security.CurrentUser;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.linli.tracking.CaseQuery;
import org.linli.tracking.CaseSearch;
import org.linli.tracking.TrackingReindexIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bin/test -Pbench}: case tracking on PostgreSQL and this run's Elasticsearch.
 * <ol>
 * <li>lag: engine state changes (starts and task completions of the test-only family) paced at
 * {@code bench.tracking.rate}/s on 4 threads for {@code bench.tracking.warmup} (5) unsampled seconds, then
 * {@code bench.tracking.seconds} (20); for every tenth change of those, the time from the engine's commit to the
 * document being searchable (polled every 50 ms), after a {@code CHECKPOINT} (a benchmark run before it leaves
 * PostgreSQL with dirty pages whose flushing would slow every commit); {@code tracking.lag_context} prints what shares the
 * machine meanwhile: the polls' duration, Elasticsearch's refreshes and this JVM's GC time;</li>
 * <li>reindex: {@code bench.tracking.historic} finished cases written straight into the history tables (as a
 * migration would leave them), then {@code POST /api/admin/tracking/reindex}: docs/s of the rebuild;</li>
 * <li>search: p95 of mixed full-text and filtered searches over all of them, as a supervisor.</li>
 * </ol>
 */
@IntegrationTest
class TrackingBenchmark {

    static final int RATE = Integer.getInteger("bench.tracking.rate", 500);
    static final int SECONDS = Integer.getInteger("bench.tracking.seconds", 20);
    /** The same load before the measured seconds, unsampled: the lag of a warm JVM, not of its first compiles. */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.tracking.warmup", 5);
    static final int HISTORIC = Integer.getInteger("bench.tracking.historic", 1_000_000);
    static final int SEARCHES = 300;
    /** Every tenth change is followed to the index (all pending ones fit one ids query). */
    static final int SAMPLE = 10;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CaseSearch search;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Value("${app.tracking.alias}")
    String alias;

    @Test
    void trackingLagReindexRateAndSearchLatency() throws Exception {
        repositoryService.createDeployment().name("tracking-probe").enableDuplicateFiltering(true)
                .addClasspathResource("tracking/tracking-probe.bpmn").deploy();
        // a benchmark before this one may leave hundreds of megabytes of dirty pages: flushed now, not during the
        // lag measurement's commits
        jdbc.execute("CHECKPOINT");
        lag();
        reindex();
        searches();
    }

    private void lag() throws Exception {
        String tag = "lag-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> committed = new ConcurrentHashMap<>();
        Map<String, Long> lags = new ConcurrentHashMap<>();
        Refreshes refreshBefore = refreshes();
        long gcBefore = gcMillis();
        long polls = 0;
        long pollNanos = 0;
        long slowestPoll = 0;
        long slowestPollInNode = 0;
        List<String> open = Collections.synchronizedList(new ArrayList<>());
        AtomicLong changes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long intervalNanos = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        long measured = start + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        long end = measured + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicLong slot = new AtomicLong();
        List<java.util.concurrent.Future<?>> drivers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            drivers.add(pool.submit(() -> {
                while (true) {
                    long due = start + slot.getAndIncrement() * intervalNanos;
                    if (due > end) {
                        return null;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String toComplete = null;
                    synchronized (open) {
                        if (open.size() > 20) {
                            toComplete = open.remove(0);
                        }
                    }
                    if (toComplete != null) {
                        taskService.complete(taskService.createTaskQuery().processInstanceId(toComplete)
                                .singleResult().getId(), Map.of("satisfaction", 5));
                        if (changes.get() % SAMPLE == 0 && due >= measured) {
                            committed.put(toComplete + "#closed", System.nanoTime());
                        }
                    } else {
                        String caseNumber = tag + "-" + changes.get();
                        String id = runtimeService.startProcessInstanceByKey("tracking-probe", caseNumber, Map.of(
                                "caseNumber", caseNumber, "communityCode", "xh01", "communityGroup", "community-xh01",
                                "category", tag)).getId();
                        if (changes.get() % SAMPLE == 0 && due >= measured) {
                            committed.put(id + "#open", System.nanoTime());
                        }
                        open.add(id);
                    }
                    changes.incrementAndGet();
                }
            }));
        }
        // poll the index: a change is searchable when its document shows the state it committed
        while (lags.size() < committed.size() || System.nanoTime() < end) {
            Set<String> pending = new java.util.HashSet<>(committed.keySet());
            pending.removeAll(lags.keySet());
            if (pending.isEmpty()) {
                Thread.sleep(50);
                continue;
            }
            List<FieldValue> ids = pending.stream().map(k -> k.substring(0, k.indexOf('#'))).distinct()
                    .limit(1000).map(FieldValue::of).toList();
            long now = System.nanoTime();
            var response = client.search(s -> s.index(alias).size(1000).source(src -> src.filter(f -> f
                    .includes("id", "open"))).query(q -> q.ids(i -> i.values(ids.stream().map(FieldValue::stringValue)
                    .toList()))), JsonNode.class);
            long took = System.nanoTime() - now;
            polls++;
            pollNanos += took;
            if (took > slowestPoll) {
                slowestPoll = took;
                slowestPollInNode = response.took();
            }
            for (var hit : response.hits().hits()) {
                String id = hit.source().get("id").asText();
                boolean isOpen = hit.source().get("open").asBoolean();
                for (String key : List.of(id + "#open", id + "#closed")) {
                    Long at = committed.get(key);
                    if (at != null && !lags.containsKey(key) && (key.endsWith("#open") || !isOpen)) {
                        lags.put(key, now - at);
                    }
                }
            }
            if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(120)) {
                break;
            }
            Thread.sleep(50);
        }
        for (var driver : drivers) {
            driver.get();
        }
        pool.shutdown();
        // empty or short when the drivers fell behind the offered rate and sampled after the polling had stopped
        assertThat(lags).as("sampled changes found searchable, of %d sampled", committed.size()).isNotEmpty()
                .hasSameSizeAs(committed);
        double achieved = changes.get() / (WARMUP_SECONDS + SECONDS * 1.0);
        List<Long> sorted = lags.values().stream().sorted().toList();
        System.out.printf("BENCH tracking.lag target_changes_per_s=%d achieved_changes_per_s=%.0f changes=%d "
                + "sampled=%d searchable=%d p50_ms=%d p99_ms=%d max_ms=%d%n", RATE, achieved, changes.get(),
                committed.size(), sorted.size(), percentile(sorted, 50) / 1_000_000,
                percentile(sorted, 99) / 1_000_000, sorted.get(sorted.size() - 1) / 1_000_000);
        var outbox = meters.find("linli.tracking.lag").timer().takeSnapshot();
        System.out.printf("BENCH tracking.outbox_lag indexed=%d mean_ms=%.0f max_ms=%.0f %s%n", outbox.count(),
                outbox.mean(TimeUnit.MILLISECONDS), outbox.max(TimeUnit.MILLISECONDS),
                java.util.Arrays.stream(outbox.percentileValues()).map(v -> "p" + Math.round(v.percentile() * 100)
                        + "_ms=" + Math.round(v.value(TimeUnit.MILLISECONDS))).toList());
        Refreshes refreshed = refreshes().since(refreshBefore);
        System.out.printf("BENCH tracking.lag_context polls=%d mean_poll_ms=%.1f max_poll_ms=%.1f max_poll_in_node_ms=%d "
                + "es_refreshes=%d es_refresh_mean_ms=%.1f app_gc_ms=%d%n", polls, polls == 0 ? 0 : pollNanos / 1e6 / polls,
                slowestPoll / 1e6, slowestPollInNode, refreshed.count(), refreshed.millis() / Math.max(1.0, refreshed.count()),
                gcMillis() - gcBefore);
    }

    /** Refreshes of the live index so far: how many, and their total time. */
    private Refreshes refreshes() throws java.io.IOException {
        var refresh = client.indices().stats(s -> s.index(alias).metric("refresh")).all().primaries().refresh();
        return new Refreshes(refresh.total(), refresh.totalTimeInMillis());
    }

    private record Refreshes(long count, long millis) {

        Refreshes since(Refreshes before) {
            return new Refreshes(count - before.count, millis - before.millis);
        }
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private void reindex() throws Exception {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("tracking-probe")
                .latestVersion().singleResult().getId();
        long t0 = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String[] categories = {"环境卫生", "市政设施", "邻里纠纷", "物业管理", "噪音扰民", "违章搭建"};
        for (int from = 0; from < HISTORIC; from += 50_000) {
            int to = Math.min(HISTORIC, from + 50_000);
            jdbc.update("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, "
                    + "START_TIME_, END_TIME_, DURATION_, STATE_, ROOT_PROC_INST_ID_) "
                    + "SELECT 'h" + run + "-' || g, 'h" + run + "-' || g, 'H-" + run + "-' || g, 'tracking-probe', ?, "
                    + "now() - (g % 300) * interval '1 day' - interval '2 day', now() - (g % 300) * interval '1 day', "
                    + "172800000, 'COMPLETED', 'h" + run + "-' || g FROM generate_series(?, ?) g",
                    definitionId, from, to - 1);
            for (String[] variable : new String[][] {{"communityCode", "CASE WHEN g % 2 = 0 THEN 'xh01' ELSE 'xh02' END"},
                {"category", "(ARRAY['" + String.join("','", categories) + "'])[1 + g % 6]"},
                {"description", "'楼道' || (ARRAY['" + String.join("','", categories) + "'])[1 + g % 6] || '问题 第' || g || '号'"}}) {
                jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, "
                        + "PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, REV_, TEXT_, CREATE_TIME_, STATE_) "
                        + "SELECT 'v" + run + variable[0] + "-' || g, 'tracking-probe', ?, 'h" + run + "-' || g, "
                        + "'h" + run + "-' || g, 'h" + run + "-' || g, ?, 'string', 0, " + variable[1]
                        + ", now(), 'CREATED' FROM generate_series(?, ?) g", definitionId, variable[0], from, to - 1);
            }
            jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, "
                    + "PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, REV_, LONG_, TEXT_, CREATE_TIME_, STATE_) "
                    + "SELECT 'v" + run + "sat-' || g, 'tracking-probe', ?, 'h" + run + "-' || g, 'h" + run + "-' || g, "
                    + "'h" + run + "-' || g, 'satisfaction', 'integer', 0, 1 + g % 5, (1 + g % 5)::text, now(), "
                    + "'CREATED' FROM generate_series(?, ?) g", definitionId, from, to - 1);
        }
        jdbc.execute("ANALYZE");
        System.out.printf("BENCH tracking.seed historic=%d seconds=%.1f%n", HISTORIC, (System.nanoTime() - t0) / 1e9);
        Api admin = Api.as(rest, "admin");
        assertThat(admin.post("/api/admin/tracking/reindex", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode status = TrackingReindexIT.awaitReindexEnd(admin, Duration.ofMinutes(30));
        JsonNode report = status.path("report");
        assertThat(report.path("swapped").asBoolean()).as(status.toString()).isTrue();
        System.out.printf("BENCH tracking.reindex cases=%d seconds=%.1f docs_per_s=%.0f checksum_equal=%s%n",
                report.get("written").asLong(), report.get("seconds").asDouble(),
                report.get("docsPerSecond").asDouble(), report.get("swapped").asBoolean());
    }

    private void searches() {
        CurrentUser supervisor = new CurrentUser("chen.jun", List.of("supervisors", "street-xh"));
        CurrentUser admin = new CurrentUser("admin", List.of("camunda-admin"));
        String[] texts = {"环境卫生", "楼道", "噪音扰民问题", null, "违章"};
        List<Long> nanos = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < SEARCHES + 30; i++) {
            String text = texts[i % texts.length];
            CaseQuery query = new CaseQuery(text, i % 3 == 0 ? "tracking-probe" : null, i % 4 == 0 ? "closed" : null,
                    i % 2 == 0 ? "xh01" : null, null, null, i % 5 == 0 ? Boolean.FALSE : null,
                    i % 7 == 0 ? Instant.now().minus(Duration.ofDays(90)) : null, null, i % 10, 20);
            long started = System.nanoTime();
            var page = search.search(query, admin);
            long took = System.nanoTime() - started;
            search.search(query, supervisor);
            if (i >= 30) {
                nanos.add(took);
                total += page.total();
            }
        }
        Collections.sort(nanos);
        long documents = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
        System.out.printf("BENCH tracking.search cases=%d searches=%d p50_ms=%.1f p95_ms=%.1f mean_hits=%d%n",
                documents, SEARCHES, percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, total / SEARCHES);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
