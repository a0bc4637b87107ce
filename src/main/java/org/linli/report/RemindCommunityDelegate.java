package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds a community before the deadline. */
@Component
class RemindCommunityDelegate implements JavaDelegate {

    private final ReportFiling filing;

    RemindCommunityDelegate(ReportFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filing.remind(AutoFillReportDelegate.requestId(execution), (String) execution.getVariable(COMMUNITY_CODE));
    }
}
