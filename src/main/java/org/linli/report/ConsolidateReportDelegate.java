package org.linli.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.report.ReportFiling.Consolidated;
import org.springframework.stereotype.Component;

/** Consolidates the submitted reports of the request (all in, or at the deadline with the missing marked). */
@Component
class ConsolidateReportDelegate implements JavaDelegate {

    private final ReportFiling filing;

    ConsolidateReportDelegate(ReportFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Consolidated consolidated = filing.consolidate(AutoFillReportDelegate.requestId(execution));
        execution.setVariable("consolidatedVersion", consolidated.versionNo());
        execution.setVariable("consolidationComplete", consolidated.complete());
    }
}
