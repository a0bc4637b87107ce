package org.linli.report;

/** Variable names of {@code processes/report-filing.bpmn}, shared by the delegates, the forms and the tests. */
final class ReportFilingVariables {

    static final String PROCESS_ID = "report-filing";

    // set at the start
    static final String REQUEST_ID = "requestId";
    static final String REPORT_TYPE = "reportType";
    static final String REPORT_NAME = "reportName";
    static final String PERIOD = "period";
    static final String DEADLINE = "deadline";
    static final String DEADLINE_TEXT = "deadlineText";
    static final String REMINDER_DATE = "reminderDate";
    static final String COMMUNITIES = "communities";

    // per community (local to one instance of the multi-instance sub-process)
    static final String COMMUNITY_CODE = "communityCode";
    static final String COMMUNITY_NAME = "communityName";
    static final String COMMUNITY_GROUP = "communityGroup";
    static final String REVIEW_GROUP = "reviewGroup";
    static final String COMPUTED_NOTE = "computedNote";
    static final String DRAFT_VALID = "draftValid";
    static final String VALIDATION_MESSAGE = "validationMessage";
    static final String SUMMARY_TEXT = "summaryText";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String VERSION_NO = "versionNo";

    static final String APPROVE = "approve";
    static final String RETURN = "return";

    private ReportFilingVariables() {
    }
}
