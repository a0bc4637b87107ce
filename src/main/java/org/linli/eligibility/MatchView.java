package org.linli.eligibility;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A policy matched to a resident, as clerks and the resident see it: what, how much, why (the rule and its reason)
 * and where it stands.
 */
public record MatchView(long id, long residentId, String communityCode, String policy, String policyName,
        String status, BigDecimal amount, String period, String department, String ruleId, String reason,
        String state, boolean matched, Instant firstMatchedAt, Instant outcomeAt, String processInstanceId) {
}
