package org.linli;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Linli keeps: everything of level {@code full} (activities, tasks, variables, decision
 * evaluations with their inputs and outputs, job logs, incidents) except the per-change copies of every
 * variable value ({@code ACT_HI_DETAIL}). Those copies were the largest single cost of a grievance
 * lifecycle (docs/performance.md); the application keeps its own timeline and audit trail of what people
 * changed, and the latest value of each variable stays in history.
 */
class CaseHistoryLevel extends AbstractHistoryLevel {

    static final int ID = 11;
    static final String NAME = "case";

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
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
