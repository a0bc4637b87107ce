package org.linli;

import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The engine history Linli keeps: everything of level {@code full} (activities, tasks, variables, decision
 * evaluations with their inputs and outputs, job logs, incidents) except
 * <ul>
 * <li>the per-change copies of every variable value ({@code ACT_HI_DETAIL}): they were the largest single
 * cost of a grievance lifecycle (docs/performance.md); the application keeps its own timeline of what people
 * did, and the latest value of each variable stays in history;</li>
 * <li>personal variables (a caller's name and phone typed into a start form): they live in the case row,
 * masked on display, and never reach the history tables that Cockpit shows to supervisors;</li>
 * <li>working variables: values that steer a running process and that history already holds in another form,
 * such as a decision's outputs (its evaluation is in history), a group's display name, a date as text, or a
 * timeout taken from configuration. Each would add a history row to every case and a row to update when the
 * case ends;</li>
 * <li>the evaluations of lookup tables: decisions that only look configuration up by a name (the alarm's escalation
 * chain by the chain the severity decision chose) and decide nothing about a person or a case. Their result lands
 * in a working variable of the running process; a copy of every input and output per evaluation would add rows to
 * every alarm and say nothing the deployed table does not;</li>
 * <li>the passes through exclusive gateways. Such a gateway never waits, and the activity that follows it records
 * which way the case went; each pass would add two rows to every case and one more to update when the case
 * ends.</li>
 * </ul>
 */
class CaseHistoryLevel extends AbstractHistoryLevel {

    static final int ID = 11;
    static final String NAME = "case";

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END);

    private final Set<String> variablesOutOfHistory;
    private final Set<String> lookupDecisions;

    /**
     * @param variablesOutOfHistory the personal and working variables, by name, of which history keeps nothing
     * @param lookupDecisions the keys of the decisions whose evaluations history does not keep
     */
    CaseHistoryLevel(Set<String> variablesOutOfHistory, Set<String> lookupDecisions) {
        this.variablesOutOfHistory = Set.copyOf(variablesOutOfHistory);
        this.lookupDecisions = Set.copyOf(lookupDecisions);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                || eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        if (entity instanceof VariableInstance variable && variablesOutOfHistory.contains(variable.getName())) {
            return false;
        }
        if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && entity instanceof DecisionDefinition decision
                && lookupDecisions.contains(decision.getKey())) {
            return false;
        }
        if (ACTIVITY_EVENTS.contains(eventType) && passesThroughExclusiveGateway(entity)) {
            return false;
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }

    private static boolean passesThroughExclusiveGateway(Object entity) {
        return entity instanceof ExecutionEntity execution && execution.getActivity() != null
                && ActivityTypes.GATEWAY_EXCLUSIVE.equals(
                        execution.getActivity().getProperties().get(BpmnProperties.TYPE));
    }
}
