package org.linli.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the decisions say now with what is stored, and collects the writes: new matches, changed ones,
 * matches that disappeared. A granted benefit that no longer matches goes to review, never silently stops; a
 * declined or refused offer is offered again only after the suppression period.
 */
final class MatchReconciliation {

    private static final Set<String> SUPPRESSED = Set.of(StoredMatch.DECLINED, StoredMatch.REJECTED,
            StoredMatch.NO_ANSWER, StoredMatch.NOT_VERIFIED);

    final List<Object[]> inserts = new ArrayList<>();
    final List<Object[]> updates = new ArrayList<>();
    final List<Object[]> unmatched = new ArrayList<>();
    /** Match ids of granted benefits that no longer match: each needs a review task. */
    final List<Long> reviews = new ArrayList<>();
    int newMatches;
    int lapsed;

    private final Instant now;
    private final Duration suppression;

    MatchReconciliation(Instant now, Duration suppression) {
        this.now = now;
        this.suppression = suppression;
    }

    void reconcile(long residentId, List<PolicyMatch> decided, List<StoredMatch> stored) {
        Map<String, StoredMatch> byPolicy = new HashMap<>();
        for (StoredMatch match : stored) {
            byPolicy.put(match.policy(), match);
        }
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        for (PolicyMatch match : decided) {
            StoredMatch before = byPolicy.remove(match.policy());
            BigDecimal amount = BigDecimal.valueOf(match.amount()).setScale(2, RoundingMode.HALF_UP);
            if (before == null) {
                inserts.add(new Object[] {residentId, match.policy(), match.policyName(), match.status(), amount, match.period(),
                    match.department(), match.ruleId(), match.reason(), StoredMatch.NEW, true, at, at});
                newMatches++;
                continue;
            }
            String state = stateWhenMatched(before);
            boolean same = before.matched() && state.equals(before.state()) && before.status().equals(match.status())
                    && before.ruleId().equals(match.ruleId()) && before.amount() != null
                    && before.amount().compareTo(amount) == 0;
            if (!same) {
                updates.add(new Object[] {match.status(), amount, match.period(), match.department(), match.ruleId(),
                    match.reason(), state, at, before.id()});
                if (StoredMatch.NEW.equals(state) && !StoredMatch.NEW.equals(before.state())) {
                    newMatches++;
                }
            }
        }
        for (StoredMatch gone : byPolicy.values()) {
            if (!gone.matched()) {
                continue;
            }
            String state = switch (gone.state()) {
                case StoredMatch.GRANTED -> StoredMatch.REVIEW;
                case StoredMatch.NEW -> StoredMatch.LAPSED;
                default -> gone.state();
            };
            unmatched.add(new Object[] {state, at, gone.id()});
            if (StoredMatch.REVIEW.equals(state)) {
                reviews.add(gone.id());
            } else if (StoredMatch.LAPSED.equals(state)) {
                lapsed++;
            }
        }
    }

    private String stateWhenMatched(StoredMatch before) {
        if (StoredMatch.LAPSED.equals(before.state()) || StoredMatch.STOPPED.equals(before.state())) {
            return StoredMatch.NEW;
        }
        if (SUPPRESSED.contains(before.state())
                && (before.outcomeAt() == null || before.outcomeAt().plus(suppression).isBefore(now))) {
            return StoredMatch.NEW;
        }
        return before.state();
    }
}
