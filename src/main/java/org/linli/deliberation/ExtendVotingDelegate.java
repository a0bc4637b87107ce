package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提醒未投票户并延长投票 (once per round). */
@Component
class ExtendVotingDelegate implements JavaDelegate {

    private final DeliberationService service;

    ExtendVotingDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VOTING_CLOSES_AT, service.extendVoting(topic(execution)));
        execution.setVariable(EXTENDED, true);
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
