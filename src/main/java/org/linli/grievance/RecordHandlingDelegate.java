package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.MEASURES;
import static org.linli.grievance.GrievanceHandlingVariables.PHOTO_REFS;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记办理结果: records the measures and the photo references, which the handle form takes as one
 * comma-separated text (blank entries dropped, the field itself optional).
 */
@Component
class RecordHandlingDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    RecordHandlingDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> photoRefs = Arrays.stream(Objects.toString(execution.getVariable(PHOTO_REFS), "").split(","))
                .map(String::trim)
                .filter(ref -> !ref.isEmpty())
                .toList();
        grievanceService.recordHandling((String) execution.getVariable(CASE_NUMBER),
                (String) execution.getVariable(MEASURES), photoRefs);
    }
}
