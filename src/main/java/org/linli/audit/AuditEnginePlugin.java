package org.linli.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Adds {@link AuditHistoryEventHandler} to the engine's history event handlers, next to the database handler and
 * tracking's outbox handler (each plugin appends to the list; none replaces it).
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final AuditLog log;

    AuditEnginePlugin(AuditLog log) {
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new AuditHistoryEventHandler(log));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
    }
}
