package org.linli.eligibility;

import java.util.Map;

/**
 * What one sweep did.
 *
 * @param residents residents decided
 * @param newMatches matches that are new (or offered again after the suppression period)
 * @param lapsed matches not yet acted on that no longer hold
 * @param reviews granted benefits that no longer match: a review task each
 * @param outreachStarted outreach processes started (at most {@code app.eligibility.outreach-per-sweep})
 * @param rentalHouses rental houses graded
 * @param readMillis time spent reading facts and stored matches, summed over threads
 * @param decideMillis time spent in the DMN engine, summed over threads
 * @param writeMillis time spent reconciling and writing matches, summed over threads
 * @param millis wall time of reading, deciding and writing (without starting processes)
 * @param counts current matches per {@code policy/status}
 */
public record SweepResult(int residents, int newMatches, int lapsed, int reviews, int outreachStarted,
        int rentalHouses, long readMillis, long decideMillis, long writeMillis, long millis, Map<String, Integer> counts) {
}
