package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.CASE_NUMBER;
import static org.linli.grievance.GrievanceHandlingVariables.COPY_STREET;
import static org.linli.grievance.GrievanceHandlingVariables.DUE_DATE;
import static org.linli.grievance.GrievanceHandlingVariables.DUE_DATE_TEXT;
import static org.linli.grievance.GrievanceHandlingVariables.HANDLER_GROUP;
import static org.linli.grievance.GrievanceHandlingVariables.HANDLER_GROUP_NAME;
import static org.linli.grievance.GrievanceHandlingVariables.REMINDER_DATE;
import static org.linli.grievance.GrievanceHandlingVariables.SLA_DURATION;
import static org.linli.grievance.GrievanceHandlingVariables.SLA_WORKING_DAYS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 计算办理时限: dispatches the case to its handler group and sets the due date of the handling task and the
 * dates of the reminder and overdue timers.
 */
@Component
class DispatchGrievanceDelegate implements JavaDelegate {

    private final GrievanceService grievanceService;

    DispatchGrievanceDelegate(GrievanceService grievanceService) {
        this.grievanceService = grievanceService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Dispatch dispatch = grievanceService.dispatch(
                (String) execution.getVariable(CASE_NUMBER),
                (String) execution.getVariable(HANDLER_GROUP),
                (String) execution.getVariable(SLA_DURATION),
                (Boolean) execution.getVariable(SLA_WORKING_DAYS),
                Boolean.TRUE.equals(execution.getVariable(COPY_STREET)));
        execution.setVariable(DUE_DATE, dispatch.dueAt());
        execution.setVariable(REMINDER_DATE, dispatch.remindAt());
        execution.setVariable(DUE_DATE_TEXT, dispatch.dueText());
        execution.setVariable(HANDLER_GROUP_NAME, dispatch.handlerName());
    }
}
