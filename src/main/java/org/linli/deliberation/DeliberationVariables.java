package org.linli.deliberation;

/**
 * Names of the process variables of {@code processes/deliberation.bpmn}, spelt once. Delegates, services and tests
 * use these constants; the BPMN and the forms use the same strings.
 */
public final class DeliberationVariables {

    public static final String PROCESS_ID = "deliberation";
    /** Message correlated (business key = topic number) when enough households have co-signed. */
    public static final String MSG_CO_SIGNED = "deliberation-co-signed";

    // proposal (start variables)
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String TOPIC_TYPE = "topicType";
    public static final String COMMUNITY_CODE = "communityCode";
    /** The affected area, one place per line: grid/road/building/unit ({@link AffectedArea}). */
    public static final String AFFECTED_AREA = "affectedArea";
    /** Set by the start event: who proposed (a resident through the API, or a clerk in Tasklist). */
    public static final String INITIATOR = "initiator";

    // registration and co-signing
    public static final String TOPIC_NUMBER = "topicNumber";
    public static final String COMMUNITY_GROUP = "communityGroup";
    public static final String NEEDS_CO_SIGNING = "needsCoSigning";
    public static final String CO_SIGN_DEADLINE = "coSignDeadline";
    public static final String CO_SIGN_COUNT = "coSignCount";

    // screening (审核)
    public static final String SCREENING_OUTCOME = "screeningOutcome";
    public static final String DECLINE_REASON = "declineReason";
    public static final String MERGE_INTO = "mergeInto";
    /** The options of the next round, one per line (screening and amend forms). */
    public static final String OPTIONS = "options";
    /** Invited representatives, user or group ids separated by commas. */
    public static final String REPRESENTATIVES = "representatives";
    public static final String RESPONSIBLE_GROUP = "responsibleGroup";

    // rules (dmn/deliberation-rules.dmn) and set-up
    public static final String QUORUM_PERCENT = "quorumPercent";
    public static final String MAJORITY_TYPE = "majorityType";
    public static final String MAX_ROUNDS = "maxRounds";
    public static final String PARTICIPANT_COUNT = "participantCount";

    // rounds
    public static final String ROUND_NUMBER = "roundNumber";
    public static final String DISCUSSION_ENDS_AT = "discussionEndsAt";
    public static final String VOTING_CLOSES_AT = "votingClosesAt";
    public static final String EXTENDED = "extended";
    public static final String ROUND_RESULT = "roundResult";
    public static final String ROUND_SUMMARY = "roundSummary";

    // outcome and effect
    public static final String OUTCOME = "outcome";
    public static final String IMPLEMENTATION_DUE_AT = "implementationDueAt";
    public static final String IMPLEMENTATION_DUE_TEXT = "implementationDueText";
    public static final String IMPLEMENTATION_REPORT = "implementationReport";
    public static final String SATISFACTION_CLOSES_AT = "satisfactionClosesAt";

    private DeliberationVariables() {
    }
}
