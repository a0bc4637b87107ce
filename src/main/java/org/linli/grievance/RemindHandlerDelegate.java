package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提醒承办单位: the reminder timer fired (75 % of the SLA has passed). */
@Component
class RemindHandlerDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    RemindHandlerDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievanceService.remind((String) execution.getVariable(CASE_NUMBER));
    }
}
