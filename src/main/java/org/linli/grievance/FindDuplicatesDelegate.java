package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.DUPLICATE_OPTIONS;
import static org.linli.grievance.GrievanceHandlingVariables.HAS_DUPLICATES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 查找疑似重复诉求: offers open cases at the same address and category to the verifying clerk, as the
 * {@code [{label, value}]} list that the verify form's select reads through {@code valuesKey}, and
 * {@code hasDuplicates}. Without candidates neither is set.
 */
@Component
class FindDuplicatesDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    FindDuplicatesDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable(CASE_NUMBER);
        List<Map<String, String>> options = new ArrayList<>();
        grievanceService.findDuplicateCandidates(caseNumber)
                .forEach(candidate -> options.add(option(candidate.label(), candidate.caseNumber())));
        // most reports have none: then the case carries neither variable (the form reads a missing one as none)
        if (!options.isEmpty()) {
            execution.setVariable(DUPLICATE_OPTIONS, options);
            execution.setVariable(HAS_DUPLICATES, true);
        }
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
