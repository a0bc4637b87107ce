package org.linli.alarm;

import static org.linli.alarm.AlarmEscalationVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.security.CaseAccess;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code alarm-escalation} that are not decisions: walking the escalation chain the DMN planned,
 * reminding the last level, and counting repeated events. Called from BPMN expressions as
 * {@code ${alarmEscalation.enterLevel(execution)}}.
 */
@Component("alarmEscalation")
public class AlarmEscalation {

    private final Notifications notifications;
    private final CaseAccess access;

    AlarmEscalation(Notifications notifications, CaseAccess access) {
        this.notifications = notifications;
        this.access = access;
    }

    /** Moves to the next level of the chain: its candidate group and acknowledgement deadline. */
    public void enterLevel(DelegateExecution execution) {
        int level = intVariable(execution, ESCALATION_LEVEL, 0) + 1;
        EscalationChain.Level step = chain(execution).level(level);
        String group = step.role().groupFor((String) execution.getVariable(COMMUNITY_CODE),
                (String) execution.getVariable(STREET_CODE), (String) execution.getVariable(GRID_CODE));
        execution.setVariable(ESCALATION_LEVEL, level);
        execution.setVariable(ACK_GROUP, group);
        execution.setVariable(ACK_TIMEOUT, step.ackTimeout().toString());
        // the level's people see the alarm's variables on the task card and form
        access.grantRead(execution.getProcessInstanceId(), group);
        if (level > 1) {
            notifications.notify(Recipient.group(group), "告警升级到第 " + level + " 级",
                    execution.getVariable(ALARM_TYPE_NAME) + "告警（设备 " + execution.getVariable(DEVICE_ID)
                            + "）上一级未在时限内确认，请立即确认。", execution.getBusinessKey());
        }
    }

    public boolean hasNextLevel(DelegateExecution execution) {
        return intVariable(execution, ESCALATION_LEVEL, 0) < chain(execution).size();
    }

    /** The last level did not acknowledge either: ask again and tell the street's supervisors. */
    public void remindLastLevel(DelegateExecution execution) {
        execution.setVariable(LAST_LEVEL_REMINDERS, intVariable(execution, LAST_LEVEL_REMINDERS, 0) + 1);
        notifications.notify(Recipient.group(LinliGroups.orgGroup(OrgLevel.STREET,
                (String) execution.getVariable(STREET_CODE))), "告警无人确认",
                execution.getVariable(ALARM_TYPE_NAME) + "告警（设备 " + execution.getVariable(DEVICE_ID)
                        + "）逐级确认均已超时，请督办。", execution.getBusinessKey());
    }

    /** Adds the events one correlation carried (several events of one batch arrive as one correlation). */
    public void countRepeats(DelegateExecution execution) {
        execution.setVariable(EVENT_COUNT, intVariable(execution, EVENT_COUNT, 1)
                + intVariable(execution, REPEAT_COUNT, 1));
    }

    /** The chain {@code alarm-escalation-chain} answered, as the text the process keeps ({@link EscalationChain}). */
    public String chainOf(DmnDecisionResult result) {
        return EscalationChain.of(result).text();
    }

    /** Alarms started before the chain became text (2026-11-24) keep the decision's rows as a JSON list. */
    @SuppressWarnings("unchecked")
    private static EscalationChain chain(DelegateExecution execution) {
        Object chain = execution.getVariable(ESCALATION_CHAIN);
        return chain instanceof List<?> rows ? EscalationChain.ofRows((List<Map<String, Object>>) rows)
                : EscalationChain.parse((String) chain);
    }

    private static int intVariable(DelegateExecution execution, String name, int otherwise) {
        Object value = execution.getVariable(name);
        return value == null ? otherwise : ((Number) value).intValue();
    }
}
