package org.linli.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.linli.eligibility.PolicyDecisions.RentalGrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides every resident against every policy without a process instance per resident: batches of residents by id
 * range are read, decided on the DMN engine and written in parallel, one transaction per batch; only new eligible
 * matches start {@code policy-outreach}, and granted benefits that no longer match start a review. The same path
 * re-decides one resident after a base-data change.
 */
@Service
public class EligibilitySweep {

    private static final Logger LOG = LoggerFactory.getLogger(EligibilitySweep.class);

    private final FactsReader facts;
    private final MatchStore matches;
    private final PolicyDecisions decisions;
    private final PolicyOutreach outreach;
    private final OutreachStarts outreachStarts;
    private final EligibilityProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    EligibilitySweep(FactsReader facts, MatchStore matches, PolicyDecisions decisions, PolicyOutreach outreach,
            OutreachStarts outreachStarts, EligibilityProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.facts = facts;
        this.matches = matches;
        this.decisions = decisions;
        this.outreach = outreach;
        this.outreachStarts = outreachStarts;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Sweeps everyone, starting at most {@code app.eligibility.outreach-per-sweep} outreach processes. */
    public SweepResult sweep() {
        return sweep(properties.outreachPerSweep());
    }

    /** Sweeps everyone; {@code outreachLimit} 0 only stores the matches (benchmarks). */
    public SweepResult sweep(int outreachLimit) {
        if (!running.compareAndSet(false, true)) {
            throw EligibilityProblems.sweepRunning();
        }
        try {
            return sweepAll(outreachLimit);
        } finally {
            running.set(false);
        }
    }

    private SweepResult sweepAll(int outreachLimit) {
        Instant started = clock.instant();
        long begin = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(started, properties.zone());
        long[] range = facts.residentIdRange();
        List<Future<BatchResult>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(properties.sweepThreads());
        BatchResult total = new BatchResult();
        List<Long> reviews = new ArrayList<>();
        PolicyDecisions.Memoised deciding = decisions.memoised();
        int graded;
        try {
            // first in the queue, so the last batches do not leave one thread grading rentals alone
            Future<Integer> rentals = pool.submit(() -> gradeRentals(started));
            if (range != null) {
                for (long from = range[0]; from <= range[1]; from += properties.sweepBatchSize()) {
                    long start = from;
                    long end = Math.min(from + properties.sweepBatchSize(), range[1] + 1);
                    futures.add(pool.submit(
                            () -> transaction.execute(status -> batch(deciding, start, end, today, started))));
                }
            }
            for (Future<BatchResult> future : futures) {
                BatchResult batch = future.get();
                total.add(batch);
                reviews.addAll(batch.reviews);
            }
            graded = rentals.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sweep failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;

        reviews.forEach(id -> transaction.executeWithoutResult(status -> outreach.startReview(id)));
        int outreachStarted = outreachLimit > 0 ? outreachStarts.startOldest(outreachLimit) : 0;
        SweepResult result = new SweepResult(total.residents, total.newMatches, total.lapsed, reviews.size(),
                outreachStarted, graded, total.readNanos / 1_000_000, total.decideNanos / 1_000_000,
                total.writeNanos / 1_000_000, millis, matches.counts());
        transaction.executeWithoutResult(status -> matches.saveSweep(started, clock.instant(), result));
        LOG.info("Eligibility sweep: {} residents, {} new matches, {} lapsed, {} reviews, {} outreach started, {} ms",
                result.residents(), result.newMatches(), result.lapsed(), result.reviews(), outreachStarted, millis);
        LOG.debug("Eligibility sweep, decisions answered from memory: {}", deciding.memory());
        return result;
    }

    private int gradeRentals(Instant at) {
        List<RentalGrade> grades = facts.rentals().stream().map(decisions::grade).toList();
        transaction.executeWithoutResult(status -> matches.saveRentalGrades(grades, at));
        return grades.size();
    }

    private BatchResult batch(PolicyDecisions.Memoised deciding, long from, long to, LocalDate today, Instant now) {
        long readStart = System.nanoTime();
        List<ResidentFacts> residents = facts.residents(from, to);
        Map<Long, List<StoredMatch>> stored = matches.byResident(from, to);
        MatchReconciliation changes = new MatchReconciliation(now, properties.declineSuppression());
        long decideStart = System.nanoTime();
        List<List<PolicyMatch>> decided = new ArrayList<>(residents.size());
        for (ResidentFacts resident : residents) {
            decided.add(deciding.decide(resident, today));
        }
        long writeStart = System.nanoTime();
        for (int i = 0; i < residents.size(); i++) {
            long id = residents.get(i).residentId();
            changes.reconcile(id, decided.get(i), stored.getOrDefault(id, List.of()));
        }
        matches.write(changes);
        BatchResult result = new BatchResult();
        result.residents = residents.size();
        result.newMatches = changes.newMatches;
        result.lapsed = changes.lapsed;
        result.readNanos = decideStart - readStart;
        result.decideNanos = writeStart - decideStart;
        result.writeNanos = System.nanoTime() - writeStart;
        result.reviews.addAll(changes.reviews);
        return result;
    }

    /**
     * Decides one resident again after their facts changed, writes the changes and starts a review for each granted
     * benefit that no longer matches, in one new transaction. The outreach of each new eligible match starts right
     * after it commits ({@link OutreachStarts}), so whoever changed the facts does not wait for process starts.
     */
    public List<PolicyMatch> redecide(long residentId) {
        List<PolicyMatch> decided = transaction.execute(status -> {
            ResidentFacts resident = facts.resident(residentId)
                    .orElseThrow(() -> EligibilityProblems.residentNotFound(residentId));
            Instant now = clock.instant();
            List<PolicyMatch> matched = decisions.decide(resident, LocalDate.ofInstant(now, properties.zone()));
            MatchReconciliation changes = new MatchReconciliation(now, properties.declineSuppression());
            changes.reconcile(residentId, matched, matches.byResident(residentId, residentId + 1)
                    .getOrDefault(residentId, List.of()));
            matches.write(changes);
            changes.reviews.forEach(outreach::startReview);
            return matched;
        });
        outreachStarts.startPendingOf(residentId);
        return decided;
    }

    private static final class BatchResult {
        int residents;
        int newMatches;
        int lapsed;
        long readNanos;
        long decideNanos;
        long writeNanos;
        final List<Long> reviews = new ArrayList<>();

        void add(BatchResult other) {
            residents += other.residents;
            newMatches += other.newMatches;
            lapsed += other.lapsed;
            readNanos += other.readNanos;
            decideNanos += other.decideNanos;
            writeNanos += other.writeNanos;
        }
    }
}
