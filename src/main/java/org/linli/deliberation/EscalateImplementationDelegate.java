package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 超期督办: the implementation is overdue. */
@Component
class EscalateImplementationDelegate implements JavaDelegate {

    private final DeliberationService service;

    EscalateImplementationDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.escalateImplementation(topic(execution));
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
