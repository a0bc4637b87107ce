package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 议题失效: the co-signing window passed without enough households. */
@Component
class LapseTopicDelegate implements JavaDelegate {

    private final DeliberationService service;

    LapseTopicDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.lapse(topic(execution));
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
