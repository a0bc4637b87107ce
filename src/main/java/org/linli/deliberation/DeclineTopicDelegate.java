package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予立项: the clerk's reason is published. */
@Component
class DeclineTopicDelegate implements JavaDelegate {

    private final DeliberationService service;

    DeclineTopicDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.decline(topic(execution), (String) execution.getVariable(DECLINE_REASON));
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
