package org.linli.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.linli.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of home visits (docs/privacy.md): a visit that ended longer ago than the home-visit family's
 * {@code historyTimeToLive} (the BPMN's, one year) goes with the changes it found, the phone numbers among them, as
 * its engine history and its index document do. What was confirmed lives on in base data; visits still waiting for
 * the community stay. One transaction per batch of visits.
 */
@Component
class ExpiredHomeVisitPurge {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ExpiredHomeVisitPurge.class);

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExpiredHomeVisitPurge(JdbcClient jdbc, RepositoryService repositoryService, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${app.report.visit-retention-cron:0 55 5 * * *}", zone = "${app.report.zone:Asia/Shanghai}")
    void scheduled() {
        Retention.nightly(log, "home visits ended more than their time to live ago", this::purge);
    }

    /** Removes every expired visit with its changes, batch by batch; answers how many visits. */
    int purge() {
        return Retention.purgeExpired(repositoryService, HomeVisits.PROCESS_ID, clock.instant(), BATCH,
                before -> transactions.execute(status -> {
                    List<Long> visits = jdbc.sql("SELECT id FROM rpt_home_visit WHERE closed_at < :before "
                            + "ORDER BY closed_at LIMIT :batch").param("before", Timestamp.from(before))
                            .param("batch", BATCH).query(Long.class).list();
                    if (visits.isEmpty()) {
                        return 0;
                    }
                    jdbc.sql("DELETE FROM rpt_visit_change WHERE visit_id IN (:visits)").param("visits", visits)
                            .update();
                    return jdbc.sql("DELETE FROM rpt_home_visit WHERE id IN (:visits)").param("visits", visits)
                            .update();
                }));
    }
}
