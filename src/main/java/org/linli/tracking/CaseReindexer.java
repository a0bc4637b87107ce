package org.linli.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the case index from the engine's history (after a mapping change, or to repair it) without
 * downtime: a new index from the template, the history paged into it, every node's indexer writing live changes
 * to both meanwhile ({@link ReindexTarget}), a checksum of counts, and only then the alias moved atomically and the
 * old index dropped. A rebuild of a million cases takes minutes, so it runs in the background and reports its
 * progress ({@link #status()}).
 */
@Component
class CaseReindexer {

    private static final Logger log = LoggerFactory.getLogger(CaseReindexer.class);
    private static final int PAGE = 1_000;
    private static final int CHECKSUM_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final CaseDocuments documents;
    private final CaseIndex index;
    private final ReindexTarget reindexTarget;
    private final CaseOutbox outbox;
    private final Clock clock;
    private final AtomicReference<Progress> current = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "case-reindex"));

    CaseReindexer(JdbcTemplate jdbc, HistoryService historyService, CaseDocuments documents, CaseIndex index,
            ReindexTarget reindexTarget, CaseOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.documents = documents;
        this.index = index;
        this.reindexTarget = reindexTarget;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of a reindex: history and index counts (total and open) must match for the alias to move. */
    public record Report(String index, long historyCount, long indexCount, long historyOpen, long indexOpen,
            long written, double seconds, double docsPerSecond, boolean swapped) {
    }

    /** Where a rebuild stands: running with its count so far, or how it ended. */
    public record Status(State state, String index, long total, long written, int percent, long docsPerSecond,
            Instant startedAt, Instant finishedAt, Report report, String error) {
    }

    public enum State {
        /** Paging history into the new index. */
        RUNNING,
        /** Counts equal, the alias points at the new index. */
        SWAPPED,
        /** History and index counts differ: the new index was dropped, the alias is unchanged. */
        CHECKSUM_DIFFERS,
        /** Elasticsearch refused a document or did not answer: the alias is unchanged. */
        FAILED
    }

    /** Starts a rebuild in the background; refused while one runs. */
    Status start() {
        Progress progress = new Progress(clock.instant());
        Progress previous = current.get();
        if (previous != null && previous.state == State.RUNNING || !current.compareAndSet(previous, progress)) {
            throw TrackingProblems.reindexRunning();
        }
        worker.execute(() -> run(progress));
        return progress.status(clock.instant());
    }

    /** The running rebuild, or the last one since the application started (empty if none). */
    Optional<Status> status() {
        return Optional.ofNullable(current.get()).map(progress -> progress.status(clock.instant()));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void run(Progress progress) {
        try {
            Report report = rebuild(progress);
            progress.end(report.swapped() ? State.SWAPPED : State.CHECKSUM_DIFFERS, report, null, clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("Reindex {} failed; alias {} unchanged", progress.index, index.alias(), e);
            dropUnfinished(progress.index);
            progress.end(State.FAILED, null, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
        } finally {
            reindexTarget.clear();
        }
    }

    /** Live changes stop going to the new index before it is dropped (a write would create it again). */
    private void dropUnfinished(String target) {
        reindexTarget.clear();
        if (target == null) {
            return;
        }
        try {
            index.delete(target);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not drop the unfinished index {}: {}", target, e.getMessage());
        }
    }

    private Report rebuild(Progress progress) throws IOException {
        index.ensureReady();
        Set<String> old = index.indexesBehindAlias();
        String target = index.createIndex();
        reindexTarget.set(target);
        long version = Math.max(1, outbox.highWaterMark());
        long total = historyService.createHistoricProcessInstanceQuery().count();
        Instant started = clock.instant();
        progress.begin(target, total);
        log.info("Reindex into {}: {} cases in history", target, total);
        long written = 0;
        String after = "";
        // reading a page from PostgreSQL overlaps the bulk request of the page before (one bulk in flight)
        ExecutorService bulks = Executors.newSingleThreadExecutor(r -> new Thread(r, "case-reindex-bulk"));
        Future<List<String>> inFlight = null;
        try {
            while (true) {
                List<String> ids = jdbc.queryForList(
                        "SELECT ID_ FROM ACT_HI_PROCINST WHERE ID_ > ? ORDER BY ID_ LIMIT " + PAGE, String.class, after);
                List<CaseDocument> page = ids.isEmpty() ? List.of() : documents.build(
                        historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(ids)).list(),
                        clock.instant());
                failOn(awaitBulk(inFlight));
                inFlight = null;
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                inFlight = bulks.submit(() -> index.write(target, page, version));
                written += page.size();
                progress.written = written;
                if (written % 10_000 < PAGE || ids.size() < PAGE) {
                    double seconds = seconds(started);
                    log.info("Reindex {}: {}/{} ({} %, {} docs/s)", target, written, total,
                            total == 0 ? 100 : written * 100 / total, Math.round(written / Math.max(seconds, 0.001)));
                }
            }
        } finally {
            bulks.shutdownNow();
        }
        double seconds = seconds(started);
        Checksum checksum = checksum(target);
        // a case started or ended between draining and counting differs for a moment, a missing one for good
        for (int attempt = 1; !checksum.equal() && attempt < CHECKSUM_ATTEMPTS; attempt++) {
            checksum = checksum(target);
        }
        if (checksum.equal()) {
            index.swapAlias(target);
            for (String previous : old) {
                if (!previous.equals(target)) {
                    index.delete(previous);
                }
            }
            log.info("Reindex {} done: {} cases, checksum equal, alias {} moved", target, checksum.indexCount(),
                    index.alias());
        } else {
            log.warn("Reindex {}: checksum differs (history {} / {} open, index {} / {} open); alias {} unchanged",
                    target, checksum.historyCount(), checksum.historyOpen(), checksum.indexCount(),
                    checksum.indexOpen(), index.alias());
            dropUnfinished(target);
        }
        return new Report(target, checksum.historyCount(), checksum.indexCount(), checksum.historyOpen(),
                checksum.indexOpen(), written, seconds, written / Math.max(seconds, 0.001), checksum.equal());
    }

    /** Written by the rebuild's thread, read by status requests. */
    private static final class Progress {

        private final Instant startedAt;
        private volatile State state = State.RUNNING;
        private volatile String index;
        private volatile long total;
        private volatile long written;
        private volatile Instant finishedAt;
        private volatile Report report;
        private volatile String error;

        Progress(Instant startedAt) {
            this.startedAt = startedAt;
        }

        void begin(String target, long totalCases) {
            this.total = totalCases;
            this.index = target;
        }

        void end(State outcome, Report result, String reason, Instant at) {
            this.report = result;
            this.error = reason;
            this.finishedAt = at;
            this.state = outcome;
        }

        Status status(Instant now) {
            State seen = state;
            long done = written;
            Instant end = finishedAt == null ? now : finishedAt;
            double seconds = Math.max(Duration.between(startedAt, end).toMillis() / 1000.0, 0.001);
            return new Status(seen, index, total, done, total == 0 ? (seen == State.RUNNING ? 0 : 100)
                    : (int) Math.min(100, done * 100 / total), Math.round(done / seconds), startedAt, finishedAt,
                    report, error);
        }
    }

    private static List<String> awaitBulk(Future<List<String>> bulk) throws IOException {
        if (bulk == null) {
            return List.of();
        }
        try {
            return bulk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Reindex interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static void failOn(List<String> failed) throws IOException {
        if (!failed.isEmpty()) {
            throw new IOException("Elasticsearch refused a case document: " + failed.get(0));
        }
    }

    /** Counts, total and open, in history and in the new index, once the live changes so far are in both. */
    private Checksum checksum(String target) throws IOException {
        awaitOutboxDrained();
        index.refresh(target);
        long historyCount = historyService.createHistoricProcessInstanceQuery().count();
        long historyOpen = historyService.createHistoricProcessInstanceQuery().unfinished().count();
        long indexCount = index.count(target);
        long indexOpen = index.client().count(c -> c.index(target).query(q -> q.term(t -> t.field("open")
                .value(true)))).count();
        return new Checksum(historyCount, historyOpen, indexCount, indexOpen);
    }

    private record Checksum(long historyCount, long historyOpen, long indexCount, long indexOpen) {

        boolean equal() {
            return historyCount == indexCount && historyOpen == indexOpen;
        }
    }

    private void awaitOutboxDrained() {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(30));
        while (outbox.pending() > 0 && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private double seconds(Instant started) {
        return Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }
}
