package org.linli.grievance;

/**
 * Names of the process variables of {@code processes/grievance-handling.bpmn}, spelt once.
 * Delegates, services and tests use these constants; the BPMN and the forms use the same strings.
 */
public final class GrievanceHandlingVariables {

    public static final String PROCESS_ID = "grievance-handling";

    // intake (set when the case is filed)
    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHANNEL = "channel";
    public static final String REPORTER_USER_ID = "reporterUserId";
    public static final String CATEGORY = "category";
    public static final String SUB_CATEGORY = "subCategory";
    public static final String URGENCY = "urgency";
    public static final String DESCRIPTION = "description";
    public static final String ADDRESS = "address";
    public static final String REPORTER_NAME = "reporterName";
    public static final String REPORTER_PHONE = "reporterPhone";
    public static final String COMMUNITY_CODE = "communityCode";
    public static final String ADDRESS_ID = "addressId";
    /** Set by the start event: the user who started the process (a hotline clerk in Tasklist, or the API caller). */
    public static final String INITIATOR = "initiator";
    public static final String COMMUNITY_GROUP = "communityGroup";
    public static final String SUPERVISOR_GROUP = "supervisorGroup";

    // verification (核实立案)
    public static final String DUPLICATE_OPTIONS = "duplicateOptions";
    public static final String HAS_DUPLICATES = "hasDuplicates";
    public static final String VERIFY_OUTCOME = "verifyOutcome";
    public static final String REJECT_REASON = "rejectReason";
    public static final String MERGE_INTO = "mergeInto";

    // routing (dmn/grievance-routing.dmn, mapped from its single result) and dispatch
    public static final String HANDLER_GROUP = "handlerGroup";
    public static final String SLA_DURATION = "slaDuration";
    public static final String SLA_WORKING_DAYS = "slaWorkingDays";
    public static final String COPY_STREET = "copyStreet";
    public static final String DUE_DATE = "dueDate";
    public static final String REMINDER_DATE = "reminderDate";
    /** The due date as the forms show it, in the community's time zone. */
    public static final String DUE_DATE_TEXT = "dueDateText";
    /** The handler group's Chinese name, as the forms show it. */
    public static final String HANDLER_GROUP_NAME = "handlerGroupName";

    // handling (派遣处置)
    public static final String HANDLE_OUTCOME = "handleOutcome";
    public static final String MEASURES = "measures";
    public static final String PHOTO_REFS = "photoRefs";
    public static final String BOUNCE_REASON = "bounceReason";
    public static final String BOUNCE_COUNT = "bounceCount";

    // supervision (督办)
    public static final String SUPERVISOR_DECISION = "supervisorDecision";
    public static final String SUPERVISOR_COMMENT = "supervisorComment";

    // feedback and closing
    public static final String RATING = "rating";
    public static final String SOLVED = "solved";
    public static final String RATING_COMMENT = "ratingComment";
    public static final String REOPEN_COUNT = "reopenCount";

    private GrievanceHandlingVariables() {
    }
}
