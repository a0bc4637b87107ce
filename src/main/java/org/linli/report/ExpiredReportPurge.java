package org.linli.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.linli.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of filed reports (docs/privacy.md): a request whose last consolidation is older than the report family's
 * {@code historyTimeToLive} (the BPMN's, five years) goes with its filings, every saved version of them (the rosters
 * among them name residents) and its consolidated reports. Requests not yet consolidated, and those whose process
 * still runs (a late community may still file), stay; a late consolidation starts the count again. Requests carry
 * whole documents, so they go a few at a time, one transaction each.
 */
@Component
class ExpiredReportPurge {

    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(ExpiredReportPurge.class);

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExpiredReportPurge(JdbcClient jdbc, RepositoryService repositoryService, RuntimeService runtimeService,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${app.report.retention-cron:0 35 5 * * *}", zone = "${app.report.zone:Asia/Shanghai}")
    void scheduled() {
        Retention.nightly(log, "report requests consolidated more than their time to live ago", this::purge);
    }

    /** Removes every expired request with its filings, versions and consolidations; answers how many requests. */
    int purge() {
        Optional<Instant> before = Retention.closedBefore(repositoryService, ReportFilingVariables.PROCESS_ID,
                clock.instant());
        if (before.isEmpty()) {
            return 0;
        }
        // a few requests a month: the expired ones fit in memory, and the engine says which still run
        Map<Long, String> expired = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.id, r.process_instance_id FROM rpt_request r
                 WHERE r.status IN ('COMPLETE', 'PARTIAL')
                   AND (SELECT MAX(c.created_at) FROM rpt_consolidation c WHERE c.request_id = r.id) < :before
                 ORDER BY r.id""").param("before", Timestamp.from(before.get()))
                .query(rs -> {
                    expired.put(rs.getLong(1), rs.getString(2));
                });
        Set<String> running = running(expired.values());
        List<Long> requests = expired.entrySet().stream().filter(request -> !running.contains(request.getValue()))
                .map(Map.Entry::getKey).toList();
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<Long> batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            transactions.executeWithoutResult(status -> remove(batch));
        }
        return requests.size();
    }

    private Set<String> running(Collection<String> processInstanceIds) {
        Set<String> ids = new HashSet<>(processInstanceIds);
        ids.remove(null);
        return ids.isEmpty() ? Set.of() : runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private void remove(List<Long> requests) {
        jdbc.sql("DELETE FROM rpt_version WHERE filing_id IN (SELECT id FROM rpt_filing WHERE request_id IN (:requests))")
                .param("requests", requests).update();
        jdbc.sql("DELETE FROM rpt_filing WHERE request_id IN (:requests)").param("requests", requests).update();
        jdbc.sql("DELETE FROM rpt_consolidation WHERE request_id IN (:requests)").param("requests", requests).update();
        jdbc.sql("DELETE FROM rpt_request WHERE id IN (:requests)").param("requests", requests).update();
    }
}
