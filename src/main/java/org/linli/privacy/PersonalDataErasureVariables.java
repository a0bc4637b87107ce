package org.linli.privacy;

/** Variable names of {@code processes/personal-data-erasure.bpmn}. */
public final class PersonalDataErasureVariables {

    public static final String PROCESS_ID = "personal-data-erasure";
    public static final String REVIEW_TASK = "Task_ReviewErasure";
    public static final String ERR_UNKNOWN_RESIDENT = "ERR_UNKNOWN_RESIDENT";
    public static final String RESIDENT_ID = "residentId";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String REASON = "reason";
    public static final String COMMUNITY_GROUP = "communityGroup";
    /** The reviewer's decision (the review form's checkbox). */
    public static final String APPROVED = "approved";
    public static final String REVIEW_NOTE = "reviewNote";

    private PersonalDataErasureVariables() {
    }
}
