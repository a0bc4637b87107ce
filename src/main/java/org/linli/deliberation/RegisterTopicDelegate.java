package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.deliberation.DeliberationIntake.RegisteredTopic;
import org.springframework.stereotype.Component;

/** 登记议题: registers the topic of a starting process and makes its number the business key. */
@Component
class RegisterTopicDelegate implements JavaDelegate {

    private final DeliberationIntake intake;

    RegisterTopicDelegate(DeliberationIntake intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RegisteredTopic topic = intake.register(new ProposeTopicCommand((String) execution.getVariable(TITLE),
                (String) execution.getVariable(DESCRIPTION), (String) execution.getVariable(TOPIC_TYPE),
                (String) execution.getVariable(COMMUNITY_CODE), (String) execution.getVariable(AFFECTED_AREA),
                (String) execution.getVariable(INITIATOR)), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(topic.topicNumber());
        execution.setVariable(TOPIC_NUMBER, topic.topicNumber());
        execution.setVariable(COMMUNITY_GROUP, topic.communityGroup());
        execution.setVariable(NEEDS_CO_SIGNING, topic.needsCoSigning());
        execution.setVariable(CO_SIGN_DEADLINE, topic.coSignDeadline());
        execution.setVariable(CO_SIGN_COUNT, topic.coSignCount());
    }
}
