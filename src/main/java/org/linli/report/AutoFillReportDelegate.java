package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.report.ReportFiling.AutoFilled;
import org.springframework.stereotype.Component;

/**
 * Fills one community's report from base data. Every variable of the community's forms is set local to its
 * instance of the multi-instance sub-process, so parallel communities never see each other's figures.
 */
@Component
class AutoFillReportDelegate implements JavaDelegate {

    private final ReportFiling filing;

    AutoFillReportDelegate(ReportFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AutoFilled filled = filing.autoFill(requestId(execution), (String) execution.getVariable(COMMUNITY_CODE),
                execution.getProcessInstanceId());
        execution.setVariablesLocal(filled.formValues());
        execution.setVariableLocal(COMMUNITY_NAME, filled.communityName());
        execution.setVariableLocal(COMMUNITY_GROUP, filled.communityGroup());
        execution.setVariableLocal(REVIEW_GROUP, filled.reviewGroup());
        execution.setVariableLocal(COMPUTED_NOTE, filled.computedNote());
        execution.setVariableLocal(VERSION_NO, filled.versionNo());
        execution.setVariableLocal(DRAFT_VALID, null);
        execution.setVariableLocal(VALIDATION_MESSAGE, "");
        execution.setVariableLocal(SUMMARY_TEXT, "");
        execution.setVariableLocal(REVIEW_DECISION, null);
        execution.setVariableLocal(REVIEW_COMMENT, null);
    }

    static long requestId(DelegateExecution execution) {
        return ((Number) execution.getVariable(REQUEST_ID)).longValue();
    }
}
