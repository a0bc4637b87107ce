package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 标记超时: the due date passed while the handler group is still working on the case. */
@Component
class FlagOverdueDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    FlagOverdueDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievanceService.flagOverdue((String) execution.getVariable(CASE_NUMBER));
    }
}
