package org.linli.grievance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.linli.Retention;
import org.linli.basedata.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of a grievance's own data (docs/privacy.md): a case closed longer ago than the grievance family's
 * {@code historyTimeToLive} (the BPMN's, five years) goes with its timeline, its photos and the notifications that
 * name it, as its engine history (the nightly history cleanup) and its index document ({@code CaseRetention}) do.
 * Open cases stay whatever their age. Runs after both, one transaction per batch of cases.
 */
@Component
class ExpiredCasePurge {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ExpiredCasePurge.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final RepositoryService repositoryService;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExpiredCasePurge(JdbcClient jdbc, Notifications notifications, RepositoryService repositoryService,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.repositoryService = repositoryService;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${app.grievance.retention-cron:0 45 5 * * *}", zone = "${app.grievance.zone:Asia/Shanghai}")
    void scheduled() {
        Retention.nightly(log, "grievance cases closed more than their time to live ago", this::purge);
    }

    /** Removes every expired case, batch by batch; answers how many. */
    int purge() {
        return Retention.purgeExpired(repositoryService, GrievanceHandlingVariables.PROCESS_ID, clock.instant(),
                BATCH, before -> transactions.execute(status -> purgeBatch(before)));
    }

    private int purgeBatch(Instant before) {
        // a merged case closed when it was merged, before its target: oldest first removes it no later
        List<String> expired = jdbc.sql("""
                SELECT case_number FROM grv_case WHERE closed_at < :before ORDER BY closed_at, case_number
                 LIMIT :batch""")
                .param("before", Timestamp.from(before)).param("batch", BATCH).query(String.class).list();
        if (expired.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM grv_case_event WHERE case_number IN (:cases)").param("cases", expired).update();
        jdbc.sql("DELETE FROM grv_attachment WHERE case_number IN (:cases)").param("cases", expired).update();
        notifications.forgetReferences(expired);
        // cases that stay must not point at one that goes (only possible in data older than the merge rule)
        jdbc.sql("UPDATE grv_case SET merged_into = NULL WHERE merged_into IN (:cases) AND case_number NOT IN (:cases)")
                .param("cases", expired).update();
        jdbc.sql("DELETE FROM grv_case WHERE case_number IN (:cases) AND merged_into IS NOT NULL")
                .param("cases", expired).update();
        jdbc.sql("DELETE FROM grv_case WHERE case_number IN (:cases)").param("cases", expired).update();
        return expired.size();
    }
}
