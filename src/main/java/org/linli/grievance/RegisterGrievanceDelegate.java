package org.linli.grievance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.grievance.GrievanceIntake.RegisteredCase;
import org.springframework.stereotype.Component;

/**
 * Registers the case of a starting process (any channel) and makes its number the business key. The caller's
 * name and phone (typed into the hotline start form) move into the case row and leave the process.
 */
@Component
class RegisterGrievanceDelegate implements JavaDelegate {

    private final GrievanceIntake intake;

    RegisterGrievanceDelegate(GrievanceIntake intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RegisteredCase registered = intake.register(GrievanceVariables.command(execution),
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(registered.caseNumber());
        execution.setVariable(GrievanceHandlingVariables.CASE_NUMBER, registered.caseNumber());
        execution.setVariable(GrievanceHandlingVariables.REPORTER_USER_ID, registered.reporterUserId());
        execution.setVariable(GrievanceHandlingVariables.ADDRESS, registered.address());
        execution.setVariable(GrievanceHandlingVariables.COMMUNITY_GROUP, registered.communityGroup());
        execution.setVariable(GrievanceHandlingVariables.SUPERVISOR_GROUP, registered.supervisorGroup());
        execution.removeVariable(GrievanceHandlingVariables.REPORTER_NAME);
        execution.removeVariable(GrievanceHandlingVariables.REPORTER_PHONE);
    }
}
