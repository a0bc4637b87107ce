package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开始投票. */
@Component
class OpenVotingDelegate implements JavaDelegate {

    private final DeliberationService service;

    OpenVotingDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VOTING_CLOSES_AT, service.openVoting(topic(execution)));
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
