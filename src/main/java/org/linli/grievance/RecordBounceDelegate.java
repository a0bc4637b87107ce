package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.BOUNCE_COUNT;
import static org.linli.grievance.GrievanceHandlingVariables.BOUNCE_REASON;
import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.HANDLER_GROUP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记退单: the handler group returned the case as not theirs; the bounce count drives the next gateway. */
@Component
class RecordBounceDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    RecordBounceDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int bounceCount = grievanceService.recordBounce(
                (String) execution.getVariable(CASE_NUMBER),
                (String) execution.getVariable(HANDLER_GROUP),
                (String) execution.getVariable(BOUNCE_REASON));
        execution.setVariable(BOUNCE_COUNT, bounceCount);
    }
}
