package org.linli.portal;

import java.util.Arrays;
import java.util.Optional;

import org.linli.eligibility.PolicyOutreachVariables;
import org.linli.grievance.GrievanceHandlingVariables;

/** The user tasks of residents that the portal completes, by process and task definition key. */
enum ResidentTaskKind {

    /** grievance-handling 评价办理结果, form grievance-handling-rate. */
    RATE_GRIEVANCE(GrievanceHandlingVariables.PROCESS_ID, "Task_RateHandling"),
    /** policy-outreach 居民确认是否申请, form policy-outreach-offer. */
    ANSWER_OFFER(PolicyOutreachVariables.PROCESS_ID, PolicyOutreachVariables.ANSWER_TASK);

    private final String processKey;
    private final String taskKey;

    ResidentTaskKind(String processKey, String taskKey) {
        this.processKey = processKey;
        this.taskKey = taskKey;
    }

    String taskKey() {
        return taskKey;
    }

    static Optional<ResidentTaskKind> of(String processDefinitionKey, String taskDefinitionKey) {
        return Arrays.stream(values())
                .filter(k -> k.processKey.equals(processDefinitionKey) && k.taskKey.equals(taskDefinitionKey))
                .findFirst();
    }

    static String[] taskKeys() {
        return Arrays.stream(values()).map(ResidentTaskKind::taskKey).toArray(String[]::new);
    }
}
