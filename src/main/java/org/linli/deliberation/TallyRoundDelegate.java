package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.deliberation.DeliberationService.RoundOutcome;
import org.springframework.stereotype.Component;

/** 计票: the result decides whether the vote is extended. */
@Component
class TallyRoundDelegate implements JavaDelegate {

    private final DeliberationService service;

    TallyRoundDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoundOutcome outcome = service.tally(topic(execution));
        execution.setVariable(ROUND_RESULT, outcome.result());
        execution.setVariable(ROUND_SUMMARY, outcome.summary());
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
