package org.linli.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs next to the engine's own database history handler (Cockpit's history stays) and notes, in the engine's
 * own transaction, which process instances an engine command changed: one {@code trk_outbox} row per instance
 * and command. The case document itself is built later from the history tables by the indexer, so a rollback
 * leaves no row and Elasticsearch never sits on the engine's path.
 */
class OutboxHistoryEventHandler implements HistoryEventHandler {

    private final Clock clock;
    /** Instances already noted by each running command (commands on other threads have their own context). */
    private final Map<CommandContext, Set<String>> noted = Collections.synchronizedMap(new WeakHashMap<>());

    OutboxHistoryEventHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!tracked(event) || event.getProcessInstanceId() == null) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return;
        }
        if (noted.computeIfAbsent(command, c -> new HashSet<>()).add(event.getProcessInstanceId())) {
            insert(command, event.getProcessInstanceId());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    static boolean tracked(HistoryEvent event) {
        return event instanceof HistoricProcessInstanceEventEntity
                || event instanceof HistoricActivityInstanceEventEntity
                || event instanceof HistoricTaskInstanceEventEntity
                || event instanceof HistoricIncidentEventEntity
                || event instanceof HistoricVariableUpdateEventEntity;
    }

    private void insert(CommandContext command, String processInstanceId) {
        // the engine's own connection: the row commits or rolls back with the command
        Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(CaseOutbox.INSERT)) {
            statement.setString(1, processInstanceId);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not note process instance " + processInstanceId
                    + " in the tracking outbox", e);
        }
    }
}
