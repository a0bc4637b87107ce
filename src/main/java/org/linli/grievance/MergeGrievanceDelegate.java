package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.MERGE_INTO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 合并到已有诉求: merges the report into the open case the clerk picked. */
@Component
class MergeGrievanceDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    MergeGrievanceDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievanceService.merge((String) execution.getVariable(CASE_NUMBER), (String) execution.getVariable(MERGE_INTO));
    }
}
