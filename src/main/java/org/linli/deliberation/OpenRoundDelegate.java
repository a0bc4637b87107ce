package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.deliberation.DeliberationService.OpenedRound;
import org.springframework.stereotype.Component;

/** 开启协商轮次: the options come from the screening or the amend form. */
@Component
class OpenRoundDelegate implements JavaDelegate {

    private final DeliberationService service;

    OpenRoundDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpenedRound round = service.openRound(topic(execution), RoundOptions.parse((String) execution.getVariable(OPTIONS)));
        execution.setVariable(ROUND_NUMBER, round.roundNumber());
        execution.setVariable(DISCUSSION_ENDS_AT, round.discussionEndsAt());
        execution.setVariable(EXTENDED, false);
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
