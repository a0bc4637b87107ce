package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.REOPEN_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 重启办理: the resident was not satisfied the first time; the case goes back to the same handler group.
 * The only writer of {@code reopenCount}, which the "first failure?" gateway reads.
 */
@Component
class ReopenGrievanceDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    ReopenGrievanceDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(REOPEN_COUNT, grievanceService.reopen((String) execution.getVariable(CASE_NUMBER)));
    }
}
