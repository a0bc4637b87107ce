package org.linli.eligibility;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts {@code policy-outreach} for new eligible matches, one transaction per match: the oldest ones at the end of a
 * sweep, on the sweep's thread, and a re-decided resident's once the re-decision has committed, on one background
 * thread. A change of circumstances (a clerk's request) does not wait for process starts, and no match starts
 * twice (a match is claimed before its process starts). A start that fails leaves its match {@code new}: the next
 * sweep starts it. The residents still waiting are the gauge {@value #QUEUED}.
 */
@Component
class OutreachStarts {

    static final String QUEUED = "linli.eligibility.outreach.queued";
    private static final Logger LOG = LoggerFactory.getLogger(OutreachStarts.class);

    private final MatchStore matches;
    private final PolicyOutreach outreach;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r,
            "eligibility-outreach"));
    private final AtomicInteger queued = new AtomicInteger();

    OutreachStarts(MatchStore matches, PolicyOutreach outreach, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.matches = matches;
        this.outreach = outreach;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        meters.gauge(QUEUED, queued);
    }

    void startPendingOf(long residentId) {
        queued.incrementAndGet();
        worker.execute(() -> {
            try {
                start(transaction.execute(status -> matches.pendingOutreachOf(residentId)));
            } catch (RuntimeException e) {
                LOG.warn("Outreach for resident {} not started; the next sweep starts it", residentId, e);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    /** Starts the outreach of the oldest new eligible matches, at most {@code limit}, on the calling thread. */
    int startOldest(int limit) {
        return start(transaction.execute(status -> matches.pendingOutreach(limit)));
    }

    /** One transaction per match; answers how many started (a match another start claimed first is skipped). */
    private int start(List<MatchView> pending) {
        int started = 0;
        for (MatchView match : pending) {
            if (Boolean.TRUE.equals(transaction.execute(status -> outreach.start(match)))) {
                started++;
            }
        }
        return started;
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
