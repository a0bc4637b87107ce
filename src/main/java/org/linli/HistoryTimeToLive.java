package org.linli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The retention a family's own rows follow (docs/privacy.md): the {@code historyTimeToLive} of its BPMN's latest
 * version, counted from when a case closed, the same rule the engine's history cleanup applies to its history.
 */
public final class HistoryTimeToLive {

    private HistoryTimeToLive() {
    }

    /** Cases of the family closed before this instant are expired; empty when its BPMN sets no time to live. */
    public static Optional<Instant> closedBefore(RepositoryService repositoryService, String processKey, Instant now) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (definition == null || definition.getHistoryTimeToLive() == null) {
            return Optional.empty();
        }
        return Optional.of(now.minus(definition.getHistoryTimeToLive(), ChronoUnit.DAYS));
    }
}
