package org.linli.privacy;

import static org.linli.privacy.PersonalDataErasureVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 核对申请: the resident exists; the review goes to their community. */
@Component
class CheckErasureRequestDelegate implements JavaDelegate {

    private final PersonalDataErasure erasure;

    CheckErasureRequestDelegate(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object residentId = execution.getVariable(RESIDENT_ID);
        String group = residentId instanceof Number id ? erasure.reviewGroup(id.longValue()) : null;
        if (group == null) {
            throw new BpmnError(ERR_UNKNOWN_RESIDENT, "No resident " + residentId);
        }
        execution.setVariable(COMMUNITY_GROUP, group);
    }
}
