package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.RATING;
import static org.linli.grievance.GrievanceHandlingVariables.RATING_COMMENT;
import static org.linli.grievance.GrievanceHandlingVariables.SOLVED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记评价: records the rating of the resident (or of the clerk who called a hotline caller back). */
@Component
class RecordRatingDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    RecordRatingDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievanceService.recordRating(
                (String) execution.getVariable(CASE_NUMBER),
                ((Number) execution.getVariable(RATING)).intValue(),
                (Boolean) execution.getVariable(SOLVED),
                (String) execution.getVariable(RATING_COMMENT));
    }
}
