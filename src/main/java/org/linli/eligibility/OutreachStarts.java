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
 * Starts the outreach of a re-decided resident's new eligible matches once the re-decision has committed: one
 * background thread, one transaction per match. A change of circumstances (a clerk's request) does not wait for
 * process starts, and two re-decisions of one resident never start the same match twice (one thread, and a match is
 * claimed before its process starts). A start that fails leaves its match {@code new}: the next sweep starts it.
 * The residents still waiting are the gauge {@value #QUEUED}.
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
                List<MatchView> pending = transaction.execute(status -> matches.pendingOutreachOf(residentId));
                for (MatchView match : pending) {
                    transaction.execute(status -> outreach.start(match));
                }
            } catch (RuntimeException e) {
                LOG.warn("Outreach for resident {} not started; the next sweep starts it", residentId, e);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
