package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.deliberation.DeliberationService.SetUpDeliberationCommand;
import org.springframework.stereotype.Component;

/** 确定参与范围: participants from base data and the invited representatives. */
@Component
class SetUpDeliberationDelegate implements JavaDelegate {

    private final DeliberationService service;

    SetUpDeliberationDelegate(DeliberationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String representatives = (String) execution.getVariable(REPRESENTATIVES);
        int households = service.setUp(new SetUpDeliberationCommand(topic(execution),
                (String) execution.getVariable(TOPIC_TYPE), ((Number) execution.getVariable(QUORUM_PERCENT)).intValue(),
                (String) execution.getVariable(MAJORITY_TYPE), ((Number) execution.getVariable(MAX_ROUNDS)).intValue(),
                representatives == null || representatives.isBlank() ? List.of()
                        : Arrays.stream(representatives.split("[,，\\s]+")).filter(r -> !r.isBlank()).distinct().toList(),
                (String) execution.getVariable(RESPONSIBLE_GROUP)));
        execution.setVariable(PARTICIPANT_COUNT, households);
    }

    private static String topic(DelegateExecution execution) {
        return (String) execution.getVariable(TOPIC_NUMBER);
    }
}
