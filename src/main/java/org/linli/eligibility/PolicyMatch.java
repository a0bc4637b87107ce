package org.linli.eligibility;

/**
 * One row of the top-level decision: a policy the resident qualifies for ({@code eligible}) or might, once data is
 * collected ({@code needs-data}), with the amount in yuan, the rule that matched and its reason in Chinese.
 */
public record PolicyMatch(String policy, String policyName, String status, double amount, String period,
        String department, String ruleId, String reason) {

    public static final String ELIGIBLE = "eligible";
    public static final String NEEDS_DATA = "needs-data";
}
