package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed: the filing is marked overdue and the street's supervisors are told. */
@Component
class EscalateOverdueReportDelegate implements JavaDelegate {

    private final ReportFiling filing;

    EscalateOverdueReportDelegate(ReportFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filing.escalate(AutoFillReportDelegate.requestId(execution), (String) execution.getVariable(COMMUNITY_CODE));
    }
}
