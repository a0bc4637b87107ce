package org.linli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 10,000 grievances in handling whose SLA (办理期限) runs out in the same minute: the app's own job executor fires
 * every overdue timer once — each case is flagged overdue exactly once, gets one supervision task (超时督办) and one
 * timeline line, its handling task stays open, and no job ends as an incident.
 *
 * <p>Fast to set up: the case rows are inserted in batches and the instances start directly in the handling
 * sub-process ({@code startBeforeActivity}), 250 per transaction on two threads, with their due date a day ahead; the test then moves
 * the 10,000 timers' due dates into the past minute — what the clock does a day later.
 */
@IntegrationTest
class SlaTimersFaultIT {

    static final int CASES = 10_000;
    static final int PER_TRANSACTION = 250;

    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void tenThousandGrievancesWhoseSlaExpiresInTheSameMinuteAllEscalateOnce() throws Exception {
        String prefix = "SLA" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase() + "-";
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        insertCases(prefix, due);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        List<Future<?>> chunks = new ArrayList<>();
        for (int from = 0; from < CASES; from += PER_TRANSACTION) {
            int first = from;
            chunks.add(starters.submit(() -> transactions.executeWithoutResult(status -> startHandling(prefix, due, first))));
        }
        for (Future<?> chunk : chunks) {
            chunk.get();
        }
        starters.shutdown();
        assertThat(overdueTimers(prefix)).isEqualTo(CASES);

        // a day passes: every SLA timer falls due within the past minute
        int moved = jdbc.update("UPDATE act_ru_job j SET duedate_ = now() - (random() * INTERVAL '59 seconds') "
                + "FROM act_ru_execution e WHERE j.process_instance_id_ = e.id_ AND e.business_key_ LIKE ? "
                + "AND j.type_ = 'timer' AND j.handler_cfg_ = 'SubProcess_Overdue'", prefix + "%");
        assertThat(moved).isEqualTo(CASES);

        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2))
                .until(() -> supervisionTasks(prefix) == CASES);

        assertThat(overdueTimers(prefix)).as("every overdue timer fired").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_case WHERE case_number LIKE ? AND overdue "
                + "AND escalation_level = 1", Long.class, prefix + "%")).as("flagged overdue exactly once").isEqualTo(CASES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_case_event WHERE case_number LIKE ? AND type = 'OVERDUE'",
                Long.class, prefix + "%")).as("one timeline line each").isEqualTo(CASES);
        assertThat(tasks(prefix, "Task_HandleGrievance")).as("handling goes on").isEqualTo(CASES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident i JOIN act_ru_execution e "
                + "ON i.proc_inst_id_ = e.id_ WHERE e.business_key_ LIKE ?", Long.class, prefix + "%")).isZero();
    }

    /** Cases of their own community and groups, so that other tests' queues and dashboards do not see them. */
    private void insertCases(String prefix, Instant due) {
        jdbc.update("INSERT INTO bd_community (code, name, street_code) VALUES ('sla01', '时限测试社区', 'xh') "
                + "ON CONFLICT (code) DO NOTHING");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            rows.add(new Object[] {prefix + i, "environment", "楼道堆物 " + i, "时限测试社区 1 号楼", Timestamp.from(due),
                    Timestamp.from(due.plus(1, ChronoUnit.DAYS)), now, now});
        }
        jdbc.batchUpdate("INSERT INTO grv_case (case_number, channel, category, urgency, description, community_code, "
                + "address_text, status, handler_group, due_at, remind_at, created_at, updated_at) "
                + "VALUES (?, 'API', ?, 'NORMAL', ?, 'sla01', ?, 'DISPATCHED', 'dept-sla-test', ?, ?, ?, ?)", rows);
    }

    private void startHandling(String prefix, Instant due, int first) {
        List<Object[]> links = new ArrayList<>(PER_TRANSACTION);
        for (int i = first; i < first + PER_TRANSACTION && i < CASES; i++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("caseNumber", prefix + i);
            variables.put("communityCode", "sla01");
            variables.put("communityGroup", "community-sla01");
            variables.put("supervisorGroup", "supervisors-sla01");
            variables.put("handlerGroup", "dept-sla-test");
            variables.put("category", "environment");
            variables.put("dueDate", java.util.Date.from(due));
            // the reminder lies beyond the due date here: only the SLA timer is under test
            variables.put("reminderDate", java.util.Date.from(due.plus(1, ChronoUnit.DAYS)));
            String instance = runtime.createProcessInstanceByKey("grievance-handling").businessKey(prefix + i)
                    .setVariables(variables).startBeforeActivity("Task_HandleGrievance").execute().getId();
            links.add(new Object[] {instance, prefix + i});
        }
        jdbc.batchUpdate("UPDATE grv_case SET process_instance_id = ? WHERE case_number = ?", links);
    }

    private long overdueTimers(String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_execution e "
                + "ON j.process_instance_id_ = e.id_ WHERE e.business_key_ LIKE ? AND j.type_ = 'timer' "
                + "AND j.handler_cfg_ = 'SubProcess_Overdue'", Long.class, prefix + "%");
    }

    private long supervisionTasks(String prefix) {
        return tasks(prefix, "Task_SuperviseOverdue");
    }

    private long tasks(String prefix, String taskDefinitionKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e "
                + "ON t.proc_inst_id_ = e.id_ WHERE e.business_key_ LIKE ? AND t.task_def_key_ = ?", Long.class,
                prefix + "%", taskDefinitionKey);
    }
}
