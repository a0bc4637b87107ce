package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 公示落实情况并发起满意度测评. */
@Component
class RecordImplementationDelegate implements JavaDelegate {

    private final DeliberationService service;

    RecordImplementationDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SATISFACTION_CLOSES_AT,
                service.recordImplementation(topic(execution), (String) execution.getVariable(IMPLEMENTATION_REPORT)));
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
