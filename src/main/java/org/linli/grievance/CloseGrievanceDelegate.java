package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.CLOSURE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结案: closes and archives the case. How it ended ({@link Closure}) is not decided here: each closing task
 * of the BPMN passes its own constant as the local input parameter {@code closure}.
 */
@Component
class CloseGrievanceDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    CloseGrievanceDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievanceService.close((String) execution.getVariable(CASE_NUMBER),
                Closure.valueOf((String) execution.getVariable(CLOSURE)));
    }
}
