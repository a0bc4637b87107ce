package org.linli.audit;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * Engine-wide writes by people, for every process family: a case started, a task completed, a variable set, changed
 * or removed by hand (Cockpit, engine REST). Only commands run by an authenticated person are audited (Tasklist,
 * engine REST, the application API): the job executor and device events have no user, so the alarm stream costs
 * nothing here, while the acknowledgement and closing of an alarm (user tasks) are recorded. The variables a process
 * sets for itself while it runs a person's command (a delegate after a start or a completion) are the process's,
 * not the person's: the start or completion is the entry.
 */
class AuditHistoryEventHandler implements HistoryEventHandler {

    static final String CASE_CREATED = "case.created";
    static final String TASK_COMPLETED = "task.completed";
    static final String VARIABLE_CHANGED = "variable.changed";

    private static final Set<String> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName(),
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName(),
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName());

    private final AuditLog log;

    AuditHistoryEventHandler(AuditLog log) {
        this.log = log;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        CommandContext command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        if (user == null || event.getProcessInstanceId() == null) {
            return;
        }
        AuditEvent audited = audited(event);
        if (audited != null) {
            log.recordForInstance(audited.by(user), event.getProcessInstanceId());
        }
    }

    private static AuditEvent audited(HistoryEvent event) {
        String type = event.getEventType();
        String caseId = event.getProcessInstanceId();
        if (event instanceof HistoricProcessInstanceEventEntity instance
                && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(type)) {
            return AuditEvent.of(CASE_CREATED, instance.getProcessDefinitionKey(), caseId, null);
        }
        if (event instanceof HistoricTaskInstanceEventEntity task
                && HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(type)) {
            return AuditEvent.of(TASK_COMPLETED, task.getProcessDefinitionKey(), caseId, null)
                    .detail(task.getTaskDefinitionKey());
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable && VARIABLE_EVENTS.contains(type)
                && setByHand()) {
            return AuditEvent.of(VARIABLE_CHANGED, variable.getProcessDefinitionKey(), caseId, null)
                    .detail(variable.getVariableName());
        }
        return null;
    }

    /** Whether the running command is one that sets, patches or removes variables (not a start or a completion). */
    private static boolean setByHand() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && (invocation.getCommand() instanceof AbstractVariableCmd
                || invocation.getCommand() instanceof AbstractPatchVariablesCmd);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
