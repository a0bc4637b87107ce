package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.linli.basedata.SyntheticCommunityGenerator;
import org.linli.basedata.SyntheticCommunityGenerator.GenerateCommunityCommand;
import org.linli.eligibility.EligibilityProperties;
import org.linli.eligibility.EligibilitySweep;
import org.linli.eligibility.PolicyDecisions;
import org.linli.eligibility.PolicyMatch;
import org.linli.eligibility.SweepResult;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bin/test -Pbench}: 200,000 generated residents × seven policies. Prints, in one run: residents/s of the DMN
 * decisions (JUEL, as deployed) on 2 threads, as a sweep makes them (memoised, {@code MemoisedDrd}) and one resident
 * at a time, of the bare DMN engine on the same DRD (the floor), of the same rules
 * hand-written in Java (the ceiling; kept only here and cross-checked to give identical results for every resident),
 * of each table in JUEL and in default FEEL (sample), the full sweep through PostgreSQL (read, decide, write), and
 * the p50/p99 of re-deciding one resident.
 */
@IntegrationTest
class EligibilitySweepBenchmark {

    static final int RESIDENTS = Integer.getInteger("bench.residents", 200_000);
    static final int THREADS = 2;
    static final int FEEL_SAMPLE = Integer.getInteger("bench.feel-sample", 2_000);

    @Autowired
    SyntheticCommunityGenerator generator;

    @Autowired
    EligibilitySweep sweep;

    @Autowired
    EligibilityProperties properties;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void sweep200kResidents() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        generator.generate(new GenerateCommunityCommand(20261124, RESIDENTS, today));
        jdbc.execute("ANALYZE");
        List<VariableMap> inputs = readInputs(today);
        int n = inputs.size();

        PolicyDecisions juel = PolicyDecisions.parse(resource("/dmn/eligibility-policies.dmn"),
                resource("/dmn/eligibility-rental-risk.dmn"), properties);
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision juelDrd = engine.parseDecision("eligibility-policies", resource("/dmn/eligibility-policies.dmn"));

        // warm up all four, then measure in the same run; each memoised round starts with an empty memory, as a sweep does
        for (int round = 0; round < 2; round++) {
            PolicyDecisions.Memoised memoised = juel.memoised();
            run(n, i -> memoised.decide(inputs.get(i)));
            run(n, i -> juel.decide(inputs.get(i)));
            run(n, i -> engine.evaluateDecision(juelDrd, inputs.get(i)));
            run(n, i -> HandWrittenRules.decide(inputs.get(i)));
        }
        PolicyDecisions.Memoised memoised = juel.memoised();
        long t0 = System.nanoTime();
        List<Object> memoisedResults = run(n, i -> memoised.decide(inputs.get(i)));
        double memoisedSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        List<Object> dmnResults = run(n, i -> juel.decide(inputs.get(i)));
        double dmnSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        run(n, i -> engine.evaluateDecision(juelDrd, inputs.get(i)));
        double floorSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        List<Object> javaResults = run(n, i -> HandWrittenRules.decide(inputs.get(i)));
        double javaSeconds = (System.nanoTime() - t0) / 1e9;

        int matches = 0;
        for (int i = 0; i < n; i++) {
            List<String> fromDmn = HandWrittenRules.key(castMatches(dmnResults.get(i)));
            assertThat(fromDmn).as("resident %d: %s", i, inputs.get(i)).isEqualTo(javaResults.get(i));
            assertThat(memoisedResults.get(i)).as("memoised, resident %d: %s", i, inputs.get(i))
                    .isEqualTo(dmnResults.get(i));
            matches += fromDmn.size();
        }
        System.out.printf("BENCH eligibility.decide.dmn-juel-memoised residents=%d threads=%d seconds=%.2f residents_per_s=%.0f ratio_to_floor=%.2f identical=%d%n",
                n, THREADS, memoisedSeconds, n / memoisedSeconds, memoisedSeconds / floorSeconds, n);
        memoised.memory().forEach((decision, stats) -> System.out.printf(
                "BENCH eligibility.decide.memory decision=%s lookups=%d from_memory=%d share=%.3f remembered=%d forgotten=%d%n",
                decision, stats.lookups(), stats.hits(), stats.lookups() == 0 ? 0 : (double) stats.hits() / stats.lookups(),
                stats.remembered(), stats.forgotten()));
        System.out.printf("BENCH eligibility.decide.dmn-juel residents=%d threads=%d seconds=%.2f residents_per_s=%.0f matches=%d%n",
                n, THREADS, dmnSeconds, n / dmnSeconds, matches);
        System.out.printf("BENCH eligibility.decide.dmn-floor residents=%d threads=%d seconds=%.2f residents_per_s=%.0f ratio_to_floor=%.2f%n",
                n, THREADS, floorSeconds, n / floorSeconds, dmnSeconds / floorSeconds);
        System.out.printf("BENCH eligibility.decide.java residents=%d threads=%d seconds=%.3f residents_per_s=%.0f identical=%d%n",
                n, THREADS, javaSeconds, n / javaSeconds, n);

        measurePerTable(engine, inputs);

        long sweepStart = System.nanoTime();
        SweepResult first = sweep.sweep(0);
        double firstSeconds = (System.nanoTime() - sweepStart) / 1e9;
        sweepStart = System.nanoTime();
        SweepResult second = sweep.sweep(0);
        double secondSeconds = (System.nanoTime() - sweepStart) / 1e9;
        System.out.printf("BENCH eligibility.sweep.first residents=%d new_matches=%d seconds=%.2f residents_per_s=%.0f read_ms_summed=%d decide_ms_summed=%d write_ms_summed=%d%n",
                first.residents(), first.newMatches(), firstSeconds, first.residents() / firstSeconds, first.readMillis(),
                first.decideMillis(), first.writeMillis());
        System.out.printf("BENCH eligibility.sweep.repeat residents=%d new_matches=%d seconds=%.2f residents_per_s=%.0f read_ms_summed=%d decide_ms_summed=%d write_ms_summed=%d%n",
                second.residents(), second.newMatches(), secondSeconds, second.residents() / secondSeconds,
                second.readMillis(), second.decideMillis(), second.writeMillis());
        assertThat(second.newMatches()).isZero();

        List<Long> ids = jdbc.queryForList("SELECT id FROM bd_resident ORDER BY id", Long.class);
        // the sweeps above dirtied hundreds of megabytes; flush them now, not during the re-decisions' commits
        jdbc.execute("CHECKPOINT");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            sweep.redecide(ids.get(random.nextInt(ids.size())));
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            long id = ids.get(random.nextInt(ids.size()));
            long start = System.nanoTime();
            sweep.redecide(id);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH eligibility.redecide residents=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
        // the outreach the re-decisions queued is this benchmark's load: it must not run into the next benchmark
        long drainStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> meters.get("linli.eligibility.outreach.queued").gauge().value() == 0);
        System.out.printf("BENCH eligibility.redecide.outreach queued_after_redecisions_drained_s=%.1f%n",
                (System.nanoTime() - drainStart) / 1e9);
    }

    /** Each table alone, JUEL (as deployed) on everyone against default FEEL (the same rules) on a sample. */
    private void measurePerTable(DmnEngine juelEngine, List<VariableMap> inputs) throws Exception {
        DefaultDmnEngineConfiguration feelConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnEngine feelEngine = feelConfiguration.buildEngine();
        List<DmnDecision> juel = juelEngine.parseDecisions(resource("/dmn/eligibility-policies.dmn"));
        List<DmnDecision> feel = feelEngine.parseDecisions(resource("/bench/eligibility-policies-feel.dmn"));
        int sample = Math.min(FEEL_SAMPLE, inputs.size());
        for (DmnDecision table : juel) {
            DmnDecision feelTable = feel.stream().filter(d -> d.getKey().equals(table.getKey())).findFirst().orElseThrow();
            int n = table.getKey().equals("eligibility-policies") ? sample : inputs.size();
            run(n, i -> juelEngine.evaluateDecision(table, inputs.get(i)));
            long t0 = System.nanoTime();
            List<Object> juelResults = run(n, i -> juelEngine.evaluateDecision(table, inputs.get(i)).getResultList());
            double juelSeconds = (System.nanoTime() - t0) / 1e9;
            run(Math.min(200, sample), i -> feelEngine.evaluateDecision(feelTable, inputs.get(i)));
            t0 = System.nanoTime();
            List<Object> feelResults = run(sample, i -> feelEngine.evaluateDecision(feelTable, inputs.get(i)).getResultList());
            double feelSeconds = (System.nanoTime() - t0) / 1e9;
            for (int i = 0; i < sample; i++) {
                assertThat(normalise(feelResults.get(i))).as("%s, resident %d", table.getKey(), i)
                        .isEqualTo(normalise(juelResults.get(i)));
            }
            System.out.printf("BENCH eligibility.table %s juel_residents_per_s=%.0f feel_residents_per_s=%.0f feel_sample=%d speedup=%.0f%n",
                    table.getKey(), n / juelSeconds, sample / feelSeconds, sample, (n / juelSeconds) / (sample / feelSeconds));
        }
    }

    /** Numbers compared as doubles (JUEL and FEEL produce different number types before the output type). */
    private static String normalise(Object resultList) {
        return String.valueOf(resultList).replaceAll("(\\d+)\\.0\\b", "$1");
    }

    @SuppressWarnings("unchecked")
    private static List<PolicyMatch> castMatches(Object value) {
        return (List<PolicyMatch>) value;
    }

    private static List<Object> run(int n, IntFunction<Object> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Object[] results = new Object[n];
            List<Future<?>> futures = new ArrayList<>();
            int chunk = (n + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                int from = t * chunk;
                int to = Math.min(n, from + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        results[i] = work.apply(i);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return Arrays.asList(results);
        } finally {
            pool.shutdown();
        }
    }

    private static InputStream resource(String path) {
        return EligibilitySweepBenchmark.class.getResourceAsStream(path);
    }

    /** The DMN inputs of every resident, read here on purpose without the application's reader. */
    private List<VariableMap> readInputs(LocalDate today) {
        return jdbc.query("""
                SELECT r.birth_date, r.hukou_type, h.income_per_capita, h.assets_per_capita, r.disability_level,
                       r.living_alone, r.care_level, r.has_supporter, r.hardship_event, r.hardship_date
                  FROM bd_resident r JOIN bd_household h ON h.id = r.household_id ORDER BY r.id""", (rs, row) -> {
            Date birth = rs.getDate(1);
            Date hardship = rs.getDate(10);
            Object care = rs.getObject(7);
            Object supporter = rs.getObject(8);
            Object income = rs.getObject(3);
            Object assets = rs.getObject(4);
            return Variables.createVariables()
                    .putValue("age", birth == null ? null : Period.between(birth.toLocalDate(), today).getYears())
                    .putValue("localHukou", rs.getString(2).startsWith("LOCAL_"))
                    .putValue("incomePerCapita", income == null ? null : ((Number) income).doubleValue())
                    .putValue("assetsPerCapita", assets == null ? null : ((Number) assets).doubleValue())
                    .putValue("disabilityLevel", rs.getInt(5))
                    .putValue("livingAlone", rs.getBoolean(6))
                    .putValue("careLevel", care == null ? null : ((Number) care).intValue())
                    .putValue("hasSupporter", supporter == null ? null : (Boolean) supporter)
                    .putValue("hardshipEvent", rs.getString(9))
                    .putValue("hardshipDays", hardship == null ? null
                            : (int) ChronoUnit.DAYS.between(hardship.toLocalDate(), today))
                    .putValue("povertyLine", properties.povertyLine())
                    .putValue("assetLimit", properties.assetLimit())
                    .putValue("lowIncomeLine", properties.lowIncomeLine());
        });
    }

    /**
     * The same rules as dmn/eligibility-policies.dmn, hand-written: the ceiling of what deciding can cost. Lives only
     * here; the DMN stays the single source of truth, and the benchmark fails if the two ever disagree.
     */
    static final class HandWrittenRules {

        static List<String> decide(Map<String, Object> in) {
            Integer age = (Integer) in.get("age");
            boolean local = Boolean.TRUE.equals(in.get("localHukou"));
            boolean nonLocal = Boolean.FALSE.equals(in.get("localHukou"));
            Double income = (Double) in.get("incomePerCapita");
            Double assets = (Double) in.get("assetsPerCapita");
            int disability = (Integer) in.get("disabilityLevel");
            boolean alone = Boolean.TRUE.equals(in.get("livingAlone"));
            Integer care = (Integer) in.get("careLevel");
            Boolean supporter = (Boolean) in.get("hasSupporter");
            String event = (String) in.get("hardshipEvent");
            Integer days = (Integer) in.get("hardshipDays");
            double line = (Double) in.get("povertyLine");
            double assetLimit = (Double) in.get("assetLimit");
            double low = (Double) in.get("lowIncomeLine");
            List<String> out = new ArrayList<>(3);

            if (age == null) {
                add(out, "old-age", "needs-data", 0, "Rule_OldAge_NeedsBirthDate");
            } else if (!nonLocal && local && age >= 80) {
                add(out, "old-age", "eligible", age >= 100 ? 600 : age >= 90 ? 300 : 100,
                        age >= 100 ? "Rule_OldAge_Centenarian" : age >= 90 ? "Rule_OldAge_Nineties" : "Rule_OldAge_Eighties");
            }

            if (!nonLocal) {
                if (income == null) {
                    add(out, "minimum-living", "needs-data", 0, "Rule_MinimumLiving_NeedsIncome");
                } else if (income < line) {
                    if (assets == null) {
                        add(out, "minimum-living", "needs-data", 0, "Rule_MinimumLiving_NeedsAssets");
                    } else if (assets <= assetLimit && local) {
                        add(out, "minimum-living", "eligible", line - income, "Rule_MinimumLiving_BelowLine");
                    }
                }
            }

            if (!nonLocal) {
                boolean severe = disability == 1 || disability == 2;
                if (age == null) {
                    add(out, "extreme-poverty", "needs-data", 0, "Rule_ExtremePoverty_NeedsBirthDate");
                } else if ((age >= 60 || age < 16 || severe)) {
                    if (income == null) {
                        add(out, "extreme-poverty", "needs-data", 0, "Rule_ExtremePoverty_NeedsIncome");
                    } else if (income < line && !Boolean.TRUE.equals(supporter)) {
                        if (supporter == null) {
                            add(out, "extreme-poverty", "needs-data", 0, "Rule_ExtremePoverty_NeedsSupporter");
                        } else if (local) {
                            add(out, "extreme-poverty", "eligible", line * 13 / 10, age >= 60
                                    ? "Rule_ExtremePoverty_Elderly" : age < 16 ? "Rule_ExtremePoverty_Minor"
                                    : "Rule_ExtremePoverty_SevereDisability");
                        }
                    }
                }
            }

            if (disability != 0 && !nonLocal) {
                if (income == null) {
                    add(out, "disability-living", "needs-data", 0, "Rule_DisabilityLiving_NeedsIncome");
                } else if (local && income < low) {
                    boolean severe = disability <= 2;
                    add(out, "disability-living", "eligible", severe ? 100 : 80,
                            severe ? "Rule_DisabilityLiving_Severe" : "Rule_DisabilityLiving_Moderate");
                }
            }

            if (local && (disability == 1 || disability == 2)) {
                add(out, "disability-care", "eligible", disability == 1 ? 150 : 100,
                        disability == 1 ? "Rule_DisabilityCare_LevelOne" : "Rule_DisabilityCare_LevelTwo");
            }

            if (!nonLocal) {
                if (age == null) {
                    add(out, "home-care", "needs-data", 0, "Rule_HomeCare_NeedsBirthDate");
                } else if (age >= 60) {
                    if (care == null && age >= 80) {
                        add(out, "home-care", "needs-data", 0, "Rule_HomeCare_NeedsAssessmentOld");
                    } else if (care == null && alone) {
                        add(out, "home-care", "needs-data", 0, "Rule_HomeCare_NeedsAssessmentAlone");
                    } else if (local && care != null) {
                        if (care == 3) {
                            add(out, "home-care", "eligible", 600, "Rule_HomeCare_Severe");
                        } else if (care == 2 && alone) {
                            add(out, "home-care", "eligible", 400, "Rule_HomeCare_ModerateAlone");
                        } else if (care == 2 && age >= 80) {
                            add(out, "home-care", "eligible", 400, "Rule_HomeCare_ModerateOld");
                        } else if (care == 1 && age >= 80 && alone) {
                            add(out, "home-care", "eligible", 200, "Rule_HomeCare_MildOldAlone");
                        }
                    }
                }
            }

            if (event != null && !(days != null && days > 90)) {
                if (income == null) {
                    add(out, "temporary-assistance", "needs-data", 0, "Rule_TemporaryAssistance_NeedsIncome");
                } else if (income < low) {
                    if (event.equals("disaster")) {
                        add(out, "temporary-assistance", "eligible", 3000, "Rule_TemporaryAssistance_Disaster");
                    } else if (event.equals("hospitalisation")) {
                        add(out, "temporary-assistance", "eligible", 2000, "Rule_TemporaryAssistance_Hospitalisation");
                    }
                }
            }
            return out;
        }

        private static void add(List<String> out, String policy, String status, double amount, String rule) {
            out.add(policy + "|" + status + "|" + Math.round(amount * 100) / 100.0 + "|" + rule);
        }

        static List<String> key(List<PolicyMatch> matches) {
            List<String> keys = new ArrayList<>(matches.size());
            for (PolicyMatch match : matches) {
                keys.add(match.policy() + "|" + match.status() + "|" + match.amount() + "|" + match.ruleId());
            }
            return keys;
        }
    }
}
