package org.linli.eligibility;

/** Names of the variables of {@code processes/policy-outreach.bpmn}, spelt once for delegates and tests. */
public final class PolicyOutreachVariables {

    public static final String PROCESS_ID = "policy-outreach";
    public static final String REVIEW_MESSAGE = "Msg_ReviewBenefit";
    public static final String ANSWER_TASK = "Task_AnswerOffer";

    public static final String MATCH_ID = "matchId";
    public static final String RESIDENT_ID = "residentId";
    /** The resident's portal account, assignee of the offer; empty when the resident has none (a clerk answers). */
    public static final String RESIDENT_USER_ID = "residentUserId";
    public static final String COMMUNITY_GROUP = "communityGroup";
    public static final String DEPARTMENT_GROUP = "departmentGroup";
    public static final String POLICY = "policy";
    public static final String POLICY_NAME = "policyName";
    public static final String AMOUNT = "amount";
    public static final String PERIOD = "period";
    public static final String RULE_ID = "ruleId";
    public static final String REASON = "reason";
    /** Clerk: the match is right (documents seen, resident reachable). */
    public static final String VERIFIED = "verified";
    /** Resident: {@code confirm}, {@code decline} or {@code help}. */
    public static final String ANSWER = "answer";
    /** Department: the benefit is approved. */
    public static final String APPROVED = "approved";
    /** Clerk on review: the benefit continues despite the change. */
    public static final String CONTINUE_BENEFIT = "continueBenefit";
    /** Input parameter of each 记录结果 task: the state the match ends in. */
    public static final String OUTCOME = "outcome";

    public static final String CONFIRM = "confirm";
    public static final String DECLINE = "decline";
    public static final String HELP = "help";

    private PolicyOutreachVariables() {
    }
}
