package org.linli.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the case index from the engine's history (after a mapping change, or to repair it) without
 * downtime: a new index from the template, the history paged into it, the indexer writing live changes to both
 * meanwhile, a checksum of counts, and only then the alias moved atomically and the old index dropped.
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
    private final CaseIndexer indexer;
    private final CaseOutbox outbox;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    CaseReindexer(JdbcTemplate jdbc, HistoryService historyService, CaseDocuments documents, CaseIndex index,
            CaseIndexer indexer, CaseOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.documents = documents;
        this.index = index;
        this.indexer = indexer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of a reindex: history and index counts (total and open) must match for the alias to move. */
    public record Report(String index, long historyCount, long indexCount, long historyOpen, long indexOpen,
            long written, double seconds, double docsPerSecond, boolean swapped) {
    }

    Report reindex() throws IOException {
        if (!running.tryLock()) {
            throw TrackingProblems.reindexRunning();
        }
        try {
            return rebuild();
        } finally {
            indexer.alsoWriteTo(null);
            running.unlock();
        }
    }

    private Report rebuild() throws IOException {
        index.ensureReady();
        Set<String> old = index.indexesBehindAlias();
        String target = index.createIndex();
        indexer.alsoWriteTo(target);
        long version = Math.max(1, outbox.highWaterMark());
        long total = historyService.createHistoricProcessInstanceQuery().count();
        Instant started = clock.instant();
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
                failOn(target, awaitBulk(inFlight));
                inFlight = null;
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                inFlight = bulks.submit(() -> index.write(target, page, version));
                written += page.size();
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
            index.delete(target);
        }
        return new Report(target, checksum.historyCount(), checksum.indexCount(), checksum.historyOpen(),
                checksum.indexOpen(), written, seconds, written / Math.max(seconds, 0.001), checksum.equal());
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

    private void failOn(String target, List<String> failed) throws IOException {
        if (!failed.isEmpty()) {
            index.delete(target);
            throw TrackingProblems.reindexFailed(failed.get(0));
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
