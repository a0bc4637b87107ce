package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.grievance.FileGrievanceCommand;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;
import org.linli.grievance.GrievanceIntake;
import org.linli.support.IntegrationTest;
import org.linli.support.RowsWritten;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code bin/test -Pbench}: complete grievance lifecycles (file → verify → route → handle → rate → check →
 * archive) on PostgreSQL against the engine's floor, a bare BPMN with the same wait states
 * ({@code tests/resources/bench/bench-floor.bpmn}). Each step is its own transaction, jobs are executed
 * by the driver (job executor off) so both runs do exactly the same number of engine commands.
 */
@IntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class GrievanceLifecycleBenchmark {

    static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 300);
    static final int WARM_UP = 30;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Autowired
    GrievanceIntake intake;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void deployFloor(@Autowired RepositoryService repositoryService) {
        repositoryService.createDeployment().name("bench-floor").enableDuplicateFiltering(true)
                .addClasspathResource("bench/bench-floor.bpmn").addClasspathResource("bench/bench-floor-timers.bpmn")
                .addClasspathResource("bench/bench-floor-model.bpmn").deploy();
    }

    @Test
    void grievanceLifecyclesAgainstTheEngineFloor() throws Exception {
        Supplier<String> grievance = () -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(intake.file(new FileGrievanceCommand(Channel.PORTAL, "liu.yang", null,
                        null, "liu.yang", "environment", "garbage", Urgency.NORMAL, "楼道垃圾无人清理", "xh01", 1L,
                        null)))
                .singleResult().getId();
        Supplier<String> floor = () -> runtimeService.startProcessInstanceByKey("bench-floor").getId();
        Supplier<String> floorWithTimers = () -> runtimeService.startProcessInstanceByKey("bench-floor-timers").getId();
        AtomicLong cases = new AtomicLong();
        Supplier<String> modelFloor = () -> runtimeService.startProcessInstanceByKey("bench-floor-model",
                grievanceIntakeVariables(cases.incrementAndGet())).getId();
        Function<Task, Map<String, Object>> grievanceAnswers = task -> switch (task.getTaskDefinitionKey()) {
            case "Task_VerifyReport" -> Map.of("verifyOutcome", "ACCEPT");
            case "Task_HandleGrievance" -> Map.of("handleOutcome", "DONE", "measures", "已清运", "photoRefs", "");
            case "Task_RateHandling" -> Map.of("rating", 5, "solved", true, "ratingComment", "");
            default -> Map.of("checkConfirmed", true);
        };

        run(floor, task -> Map.of(), WARM_UP, 1, null);
        run(floorWithTimers, task -> Map.of(), WARM_UP, 1, null);
        run(modelFloor, GrievanceLifecycleBenchmark::grievanceTaskVariables, WARM_UP, 1, null);
        run(grievance, grievanceAnswers, WARM_UP, 1, null);
        analyze();
        int perRound = LIFECYCLES / ROUNDS;
        for (int threads : new int[] {1, 2}) {
            // interleaved rounds: a slow spell of the machine (a checkpoint, a neighbour) hits all three alike
            double floorSeconds = 0;
            double timersSeconds = 0;
            double modelSeconds = 0;
            double grievanceSeconds = 0;
            Map<String, StepCost> floorSteps = new ConcurrentSkipListMap<>();
            Map<String, StepCost> steps = new ConcurrentSkipListMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                floorSeconds += run(floor, task -> Map.of(), perRound, threads, floorSteps);
                timersSeconds += run(floorWithTimers, task -> Map.of(), perRound, threads, null);
                modelSeconds += run(modelFloor, GrievanceLifecycleBenchmark::grievanceTaskVariables,
                        perRound, threads, null);
                grievanceSeconds += run(grievance, grievanceAnswers, perRound, threads, steps);
            }
            int n = perRound * ROUNDS;
            double floorRate = n / floorSeconds;
            double timersRate = n / timersSeconds;
            double modelRate = n / modelSeconds;
            double grievanceRate = n / grievanceSeconds;
            if (threads == 1) {
                // where a grievance lifecycle spends its time, step by step: wall time, and the CPU of the thread
                // that runs the step (the engine, Linli's code, the JDBC driver; not PostgreSQL)
                steps.forEach((step, cost) -> System.out.printf("BENCH grievance.step %s mean_ms=%.2f cpu_ms=%.2f%n",
                        step, cost.wall().sum() / 1e6 / n, cost.cpu().sum() / 1e6 / n));
                System.out.printf("BENCH grievance.cpu threads=1 floor_steps_cpu_ms=%.1f grievance_steps_cpu_ms=%.1f%n",
                        StepCost.cpuMillis(floorSteps) / n, StepCost.cpuMillis(steps) / n);
            }
            System.out.printf("BENCH grievance.lifecycles threads=%d n=%d grievance_per_s=%.1f floor_per_s=%.1f "
                    + "share_of_floor=%.0f%%%n", threads, n, grievanceRate, floorRate, 100 * grievanceRate / floorRate);
            // not the goal's floor: the same floor with the grievance's timers, to tell their cost from Linli's code
            System.out.printf("BENCH grievance.floor-with-timers threads=%d n=%d floor_with_timers_per_s=%.1f "
                    + "share_of_plain_floor=%.0f%% grievance_share_of_it=%.0f%%%n", threads, n, timersRate,
                    100 * timersRate / floorRate, 100 * grievanceRate / timersRate);
            // nor this one: the floor with the timers and the grievance's process variables, set at the same steps
            System.out.printf("BENCH grievance.model-floor threads=%d n=%d model_floor_per_s=%.1f "
                    + "share_of_plain_floor=%.0f%% grievance_share_of_it=%.0f%%%n", threads, n, modelRate,
                    100 * modelRate / floorRate, 100 * grievanceRate / modelRate);
        }
        countRows(floor, grievance, grievanceAnswers);
        countStatements(floor, grievance, grievanceAnswers);
    }

    /** Rows written per lifecycle of floor and grievance: the engine's tables and all (case rows, grants, audit). */
    private void countRows(Supplier<String> floor, Supplier<String> grievance,
            Function<Task, Map<String, Object>> grievanceAnswers) throws Exception {
        int n = 50;
        RowsWritten.Count before = RowsWritten.settled(jdbc);
        run(floor, task -> Map.of(), n, 1, null);
        RowsWritten.Count afterFloor = RowsWritten.settled(jdbc);
        run(grievance, grievanceAnswers, n, 1, null);
        RowsWritten.Count afterGrievance = RowsWritten.settled(jdbc);
        RowsWritten.Count grievanceRows = afterGrievance.since(afterFloor);
        System.out.printf("BENCH grievance.rows n=%d %s %s%n", n, afterFloor.since(before).per("floor", n),
                grievanceRows.per("grievance", n));
        System.out.printf("BENCH grievance.rows.by-table %s%n", grievanceRows.perTable(n));
    }

    /**
     * Statements per lifecycle of floor and grievance, the driver's queries included, when the server preloads
     * pg_stat_statements (off by default; docs/performance.md shows how to turn it on for a measurement). Unlike times,
     * the counts repeat from run to run.
     */
    private void countStatements(Supplier<String> floor, Supplier<String> grievance,
            Function<Task, Map<String, Object>> grievanceAnswers) throws Exception {
        try {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statementsSoFar();
        } catch (DataAccessException e) {
            System.out.println("BENCH grievance.statements skipped: pg_stat_statements is not preloaded");
            return;
        }
        int n = 50;
        long before = statementsSoFar();
        run(floor, task -> Map.of(), n, 1, null);
        long floorStatements = statementsSoFar() - before;
        before = statementsSoFar();
        run(grievance, grievanceAnswers, n, 1, null);
        long grievanceStatements = statementsSoFar() - before;
        System.out.printf("BENCH grievance.statements threads=1 n=%d floor_per_lifecycle=%.0f "
                + "grievance_per_lifecycle=%.0f%n", n, (double) floorStatements / n, (double) grievanceStatements / n);
    }

    private long statementsSoFar() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE dbid = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database())", Long.class);
    }

    /**
     * The process variables a grievance holds once it is filed (intake, registration), with values of a real case.
     * {@code bench-floor-model.bpmn} reads one at every asynchronous step, which loads them all, as the grievance's
     * delegates do.
     */
    private static Map<String, Object> grievanceIntakeVariables(long caseNo) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", "GR-2026-%06d".formatted(caseNo));
        variables.put("channel", "PORTAL");
        variables.put("reporterUserId", "liu.yang");
        variables.put("initiator", "liu.yang");
        variables.put("category", "environment");
        variables.put("subCategory", "garbage");
        variables.put("urgency", "NORMAL");
        variables.put("description", "楼道垃圾无人清理");
        variables.put("address", "西湖社区 3 号楼 2 单元");
        variables.put("communityCode", "xh01");
        variables.put("addressId", 1L);
        variables.put("communityGroup", "community-xh01");
        variables.put("supervisorGroup", "street-xh");
        return variables;
    }

    /** What the grievance's four tasks and the steps after them add: routing and dispatch, handling, rating, check. */
    private static Map<String, Object> grievanceTaskVariables(Task task) {
        Date due = new Date();
        return switch (task.getTaskDefinitionKey()) {
            case "Task_Wait1" -> Map.of("verifyOutcome", "ACCEPT", "handlerGroup", "grid-xh01-01", "slaDuration", "P3D",
                    "slaWorkingDays", true, "copyStreet", false, "dueDate", due, "reminderDate", due, "dueDateText",
                    "2026-11-28 17:00", "handlerGroupName", "西湖社区第一网格");
            case "Task_Wait2" -> Map.of("handleOutcome", "DONE", "measures", "已清运", "photoRefs", "");
            case "Task_Wait3" -> Map.of("rating", 5, "solved", true, "ratingComment", "");
            default -> Map.of("checkConfirmed", true);
        };
    }

    private final Map<String, String> activityOf = new ConcurrentHashMap<>();

    /**
     * Runs {@code n} lifecycles on {@code threads} threads; answers the seconds they took. {@code steps}, if given,
     * collects the cost of each step: the start, each job by its activity, each task by its key.
     */
    private double run(Supplier<String> start, Function<Task, Map<String, Object>> answers, int n, int threads,
            Map<String, StepCost> steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(pool.submit(() -> {
                String[] id = new String[1];
                timed(steps, "0-start", () -> id[0] = start.get());
                lifecycle(id[0], answers, steps);
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return seconds;
    }

    private static void timed(Map<String, StepCost> steps, String step, Runnable work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        work.run();
        if (steps != null) {
            StepCost cost = steps.computeIfAbsent(step, key -> new StepCost(new LongAdder(), new LongAdder()));
            cost.wall().add(System.nanoTime() - started);
            cost.cpu().add(THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall and thread CPU nanoseconds of one step, summed over lifecycles. */
    private record StepCost(LongAdder wall, LongAdder cpu) {

        static double cpuMillis(Map<String, StepCost> steps) {
            return steps.values().stream().mapToLong(cost -> cost.cpu().sum()).sum() / 1e6;
        }
    }

    /** Drives one instance to its end: executes its due jobs, completes its tasks. */
    private void lifecycle(String processInstanceId, Function<Task, Map<String, Object>> answers,
            Map<String, StepCost> steps) {
        for (int step = 0; step < 50; step++) {
            Job job = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                    .messages().singleResult();
            if (job != null) {
                String activity = activityOf.computeIfAbsent(job.getJobDefinitionId(), definition -> managementService
                        .createJobDefinitionQuery().jobDefinitionId(definition).singleResult().getActivityId());
                timed(steps, "job " + activity, () -> managementService.executeJob(job.getId()));
                continue;
            }
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
            if (task == null) {
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
                        .as("instance %s ended", processInstanceId).isZero();
                return;
            }
            timed(steps, "task " + task.getTaskDefinitionKey(),
                    () -> taskService.complete(task.getId(), answers.apply(task)));
        }
        throw new IllegalStateException("lifecycle did not end: " + processInstanceId);
    }

    private void analyze() {
        jdbc.execute("ANALYZE");
    }
}
