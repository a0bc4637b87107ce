package org.linli.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.linli.tracking.CaseOutbox.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox into Elasticsearch on one background thread: reads the oldest changes, rebuilds the
 * documents of the instances they name from history, writes them in one bulk request versioned by the highest
 * sequence number of each instance, and deletes the rows. When Elasticsearch is down or slow nothing is
 * deleted: the thread backs off (doubling up to {@code app.tracking.max-backoff}) and catches up when it
 * returns. The engine never waits for it. While a reindex runs ({@link ReindexTarget}), each batch goes to its new
 * index as well, on every node.
 */
@Component
class CaseIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseIndexer.class);

    private final CaseOutbox outbox;
    private final ReindexTarget reindexTarget;
    private final CaseDocuments documents;
    private final CaseIndex index;
    private final TrackingProperties properties;
    private final Clock clock;
    private final Timer lag;

    private volatile Thread worker;
    private volatile boolean running;
    private volatile boolean indexReady;

    CaseIndexer(CaseOutbox outbox, ReindexTarget reindexTarget, CaseDocuments documents, CaseIndex index,
            TrackingProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.reindexTarget = reindexTarget;
        this.documents = documents;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
        this.lag = Timer.builder("linli.tracking.lag").description("engine change to indexed case document")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "case-indexer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = properties.pollInterval();
        boolean failing = false;
        while (running) {
            try {
                if (!indexReady) {
                    index.ensureReady();
                    indexReady = true;
                }
                int drained = drainOnce();
                if (failing) {
                    log.info("Elasticsearch is back; the case index is catching up ({} changes pending)",
                            outbox.pending());
                    failing = false;
                }
                backoff = properties.pollInterval();
                if (drained < properties.batchSize()) {
                    sleep(properties.pollInterval());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Case index not updated, will retry (changes stay in the outbox): {}", e.toString());
                    failing = true;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** One batch from the outbox into the index; answers how many outbox rows it took. */
    int drainOnce() throws Exception {
        List<Change> changes = outbox.oldest(properties.batchSize());
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, Long> versions = new HashMap<>();
        for (Change change : changes) {
            versions.merge(change.processInstanceId(), change.seq(), Math::max);
        }
        List<CaseDocument> built = documents.build(versions.keySet());
        List<String> failed = index.write(index.alias(), built, d -> versions.get(d.id()));
        // read after the changes: a reindex that begins later pages their history in itself
        Optional<String> rebuilding = reindexTarget.current();
        if (failed.isEmpty() && rebuilding.isPresent()) {
            failed = index.write(rebuilding.get(), built, d -> versions.get(d.id()));
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Elasticsearch refused " + failed.size() + " case documents, first: "
                    + failed.get(0));
        }
        outbox.remove(changes);
        long now = clock.millis();
        for (Change change : changes) {
            lag.record(Math.max(0, now - change.createdAt().toEpochMilli()), TimeUnit.MILLISECONDS);
        }
        return changes.size();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
