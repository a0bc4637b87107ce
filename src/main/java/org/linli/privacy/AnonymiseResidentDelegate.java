package org.linli.privacy;

import static org.linli.privacy.PersonalDataErasureVariables.RESIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 匿名化: the approved erasure, everywhere at once. */
@Component
class AnonymiseResidentDelegate implements JavaDelegate {

    private final PersonalDataErasure erasure;

    AnonymiseResidentDelegate(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        erasure.anonymise(((Number) execution.getVariable(RESIDENT_ID)).longValue());
    }
}
