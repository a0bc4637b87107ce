package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.deliberation.DeliberationService.Implementation;
import org.springframework.stereotype.Component;

/** 公示协商结果 and set the implementation due date. */
@Component
class PublishOutcomeDelegate implements JavaDelegate {

    private final DeliberationService service;

    PublishOutcomeDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Implementation implementation = service.publishOutcome(topic(execution));
        execution.setVariable(OUTCOME, implementation.outcome());
        execution.setVariable(IMPLEMENTATION_DUE_AT, implementation.dueAt());
        execution.setVariable(IMPLEMENTATION_DUE_TEXT, implementation.dueText());
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
