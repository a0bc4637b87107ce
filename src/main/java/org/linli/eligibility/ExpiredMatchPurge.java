package org.linli.eligibility;

import java.time.Clock;

import org.camunda.bpm.engine.RepositoryService;
import org.linli.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of eligibility matches (docs/privacy.md). A match says that a resident's income, assets, disability or age
 * once met a policy. Once the resident no longer matches and the match has ended (lapsed, stopped, or an offer
 * declined, refused, unanswered or not verified), it goes when the outreach family's {@code historyTimeToLive} (the
 * BPMN's, five years) has passed since its last decision or answer, as the outreach's engine history does. Matches
 * that still hold stay whatever their age: a granted benefit, and a declined offer that the sweep must not repeat
 * before its suppression period. Each batch is a statement of its own.
 */
@Component
class ExpiredMatchPurge {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ExpiredMatchPurge.class);

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;
    private final Clock clock;

    ExpiredMatchPurge(JdbcClient jdbc, RepositoryService repositoryService, Clock clock) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.clock = clock;
    }

    @Scheduled(cron = "${app.eligibility.retention-cron:0 25 5 * * *}", zone = "${app.eligibility.zone:Asia/Shanghai}")
    void scheduled() {
        Retention.nightly(log, "eligibility matches ended more than their time to live ago", this::purge);
    }

    /** Removes every expired match, batch by batch; answers how many. */
    int purge() {
        return Retention.purgeExpired(repositoryService, PolicyOutreachVariables.PROCESS_ID, clock.instant(), BATCH,
                before -> Retention.deleteBatch(jdbc, """
                        SELECT id FROM elg_match
                         WHERE matched = FALSE
                           AND state IN ('lapsed', 'stopped', 'declined', 'rejected', 'no-answer', 'not-verified')
                           AND GREATEST(decided_at, COALESCE(outcome_at, decided_at)) < :before
                         ORDER BY id LIMIT :batch""", "elg_match", before, BATCH));
    }
}
