package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.REJECT_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予受理并告知: closes a report the clerk rejected at verification, with the clerk's reason. */
@Component
class RejectGrievanceDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    RejectGrievanceDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievanceService.reject((String) execution.getVariable(CASE_NUMBER), (String) execution.getVariable(REJECT_REASON));
    }
}
