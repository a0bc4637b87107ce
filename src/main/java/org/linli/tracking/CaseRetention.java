package org.linli.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The index follows the case's own rows: a closed case's document goes once its family's {@code historyTimeToLive}
 * has passed since it closed (docs/privacy.md). The engine's history of the case has gone by then: it is removed
 * that long after the case started (ADR 0018). Runs after the engine's cleanup window.
 */
@Component
class CaseRetention {

    private static final int PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(CaseRetention.class);

    private final ElasticsearchClient client;
    private final RepositoryService repositoryService;
    private final TrackingProperties properties;
    private final Clock clock;

    CaseRetention(ElasticsearchClient client, RepositoryService repositoryService, TrackingProperties properties,
            Clock clock) {
        this.client = client;
        this.repositoryService = repositoryService;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${app.tracking.retention-cron:0 30 5 * * *}", zone = "${app.tracking.retention-zone:Asia/Shanghai}")
    void scheduled() {
        try {
            removeExpired();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Index retention did not run ({}); it runs again at its next time", e.toString());
        }
    }

    /** Deletes the documents of cases closed longer ago than their family's time to live; answers count per family. */
    Map<String, Long> removeExpired() throws IOException {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            Integer days = definition.getHistoryTimeToLive();
            if (days == null) {
                continue;
            }
            Instant before = clock.instant().minus(days, ChronoUnit.DAYS);
            removed.put(definition.getKey(), deleteClosedBefore(definition.getKey(), before));
        }
        return removed;
    }

    /**
     * Search, then bulk delete, page by page (the node runs without the reindex module, so no delete-by-query).
     */
    private long deleteClosedBefore(String family, Instant before) throws IOException {
        long deleted = 0;
        while (true) {
            List<String> ids = client.search(s -> s.index(properties.alias()).size(PAGE).source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("family").value(family)))
                            .filter(f -> f.range(r -> r.untyped(u -> u.field("closedAt")
                                    .lt(JsonData.of(before.toString()))))))), Void.class)
                    .hits().hits().stream().map(Hit::id).toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            List<BulkOperation> deletes = ids.stream()
                    .map(id -> BulkOperation.of(o -> o.delete(d -> d.index(properties.alias()).id(id)))).toList();
            client.bulk(bulk -> bulk.operations(deletes).refresh(Refresh.True));
            deleted += ids.size();
        }
    }
}
