package org.linli;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly purges of the application's own rows (docs/privacy.md). A family's rows follow the
 * {@code historyTimeToLive} of its BPMN's latest version, counted from when a case closed, the same rule the engine's
 * history cleanup applies to its history; rows go in batches; a run that fails is logged and tried again the next
 * night.
 */
public final class Retention {

    private Retention() {
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

    /**
     * Removes a family's expired rows batch by batch ({@link #purgeInBatches}), those of cases closed longer ago than
     * its time to live. Answers the total, 0 when the BPMN sets no time to live.
     */
    public static int purgeExpired(RepositoryService repositoryService, String processKey, Instant now, int batchSize,
            ToIntFunction<Instant> batch) {
        return closedBefore(repositoryService, processKey, now)
                .map(before -> purgeInBatches(before, batchSize, batch)).orElse(0);
    }

    /**
     * Removes rows older than {@code before} batch by batch: {@code batch} removes at most {@code batchSize} of them
     * (each batch a transaction of its own) and answers how many it removed; a short batch is the last. Answers the
     * total.
     */
    public static int purgeInBatches(Instant before, int batchSize, ToIntFunction<Instant> batch) {
        int purged = 0;
        int removed;
        do {
            removed = batch.applyAsInt(before);
            purged += removed;
        } while (removed == batchSize);
        return purged;
    }

    /**
     * One batch of a purge whose rows go by id: {@code selectIds} finds at most {@code :batch} ids of rows older than
     * {@code :before}, which leave {@code table}. Answers how many left.
     */
    public static int deleteBatch(JdbcClient jdbc, String selectIds, String table, Instant before, int batchSize) {
        List<Long> ids = jdbc.sql(selectIds).param("before", Timestamp.from(before)).param("batch", batchSize)
                .query(Long.class).list();
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM " + table + " WHERE id IN (:ids)").param("ids", ids).update();
    }

    /**
     * Runs one night's purge: logs how many {@code what} it removed, and a failure as a warning (nothing is lost, the
     * next run takes up what is still expired).
     */
    public static void nightly(Logger log, String what, IntSupplier purge) {
        try {
            int purged = purge.getAsInt();
            if (purged > 0) {
                log.info("Retention: {} {} removed", purged, what);
            }
        } catch (RuntimeException e) {
            log.warn("Retention of {} did not run ({}); it runs again at its next time", what, e.toString());
        }
    }
}
