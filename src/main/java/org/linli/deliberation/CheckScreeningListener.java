package org.linli.deliberation;

import static org.linli.deliberation.DeliberationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a clerk's screening (审核议题) or amended options (调整选项) when the task is completed in Tasklist, whose
 * forms cannot: at least two options, a known topic type, an open merge target, a reason for a decline. A bad
 * answer refuses the completion with the reason and the task stays, instead of an incident in a later job. The
 * REST path ({@link Participation}) checks the same before it completes the task, with its problem codes.
 */
@Component("checkScreeningListener")
class CheckScreeningListener implements TaskListener {

    private final TopicStore topics;

    CheckScreeningListener(TopicStore topics) {
        this.topics = topics;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("Task_AmendOptions".equals(task.getTaskDefinitionKey())) {
            RoundOptions.parse(text(task, OPTIONS));
            return;
        }
        String outcome = text(task, SCREENING_OUTCOME);
        switch (outcome == null ? "" : outcome) {
            case "ACCEPT" -> {
                TopicTypes.require(text(task, TOPIC_TYPE));
                RoundOptions.parse(text(task, OPTIONS));
                if (blank(text(task, RESPONSIBLE_GROUP))) {
                    throw DeliberationProblems.invalid("An accepted topic needs the responsible group that implements it.");
                }
            }
            case "MERGE" -> {
                Topic target = topics.load(String.valueOf(text(task, MERGE_INTO)).strip());
                if (target.status().isFinal() || target.topicNumber().equals(text(task, TOPIC_NUMBER))) {
                    throw DeliberationProblems.wrongPhase(target.topicNumber(), "is closed and cannot take merged topics");
                }
            }
            case "DECLINE" -> {
                if (blank(text(task, DECLINE_REASON))) {
                    throw DeliberationProblems.invalid("Declining needs a reason; it is published.");
                }
            }
            default -> throw DeliberationProblems.invalid("The screening outcome must be ACCEPT, MERGE or DECLINE.");
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
