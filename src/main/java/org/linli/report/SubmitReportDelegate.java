package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.report.ReportFiling.Submitted;
import org.linli.security.EngineActors;
import org.springframework.stereotype.Component;

/** Submits the approved report upward: the final version is rendered and stored, the requester notified. */
@Component
class SubmitReportDelegate implements JavaDelegate {

    private final ReportFiling filing;
    private final EngineActors actors;

    SubmitReportDelegate(ReportFiling filing, EngineActors actors) {
        this.filing = filing;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submitted submitted = filing.submit(AutoFillReportDelegate.requestId(execution),
                (String) execution.getVariable(COMMUNITY_CODE), actors.currentOrSystem());
        execution.setVariable(VERSION_NO, submitted.versionNo());
    }
}
