package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.report.ReportFiling.Submitted;
import org.springframework.stereotype.Component;

/** Submits the approved report upward: the final version is rendered and stored, the requester notified. */
@Component
class SubmitReportDelegate implements JavaDelegate {

    private final ReportFiling filing;

    SubmitReportDelegate(ReportFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submitted submitted = filing.submit(AutoFillReportDelegate.requestId(execution),
                (String) execution.getVariable(COMMUNITY_CODE), CurrentActor.of(execution));
        execution.setVariable(VERSION_NO, submitted.versionNo());
    }
}
