package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reviewer returned the report: counted, and the community is told why. */
@Component
class ReturnReportDelegate implements JavaDelegate {

    private final ReportFiling filing;

    ReturnReportDelegate(ReportFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filing.returnForCorrection(AutoFillReportDelegate.requestId(execution),
                (String) execution.getVariable(COMMUNITY_CODE), (String) execution.getVariable(REVIEW_COMMENT));
    }
}
