package org.linli.eligibility;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code elg_match} as the reconciliation needs it. */
record StoredMatch(long id, long residentId, String policy, String status, BigDecimal amount, String ruleId,
        String state, boolean matched, Instant outcomeAt) {

    static final String NEW = "new";
    static final String OUTREACH = "outreach";
    static final String GRANTED = "granted";
    static final String DECLINED = "declined";
    static final String REJECTED = "rejected";
    static final String NO_ANSWER = "no-answer";
    static final String NOT_VERIFIED = "not-verified";
    static final String LAPSED = "lapsed";
    static final String REVIEW = "review";
    static final String STOPPED = "stopped";
}
