package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.deliberation.DeliberationService.RoundOutcome;
import org.springframework.stereotype.Component;

/** 结束本轮并公示: the final count of the frozen round. */
@Component
class CloseRoundDelegate implements JavaDelegate {

    private final DeliberationService service;

    CloseRoundDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoundOutcome outcome = service.closeRound(topic(execution));
        execution.setVariable(ROUND_RESULT, outcome.result());
        execution.setVariable(ROUND_SUMMARY, outcome.summary());
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
