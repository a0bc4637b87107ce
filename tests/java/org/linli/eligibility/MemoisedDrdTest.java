package org.linli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.eligibility.EligibilityPoliciesDecisionTest.person;

import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;

/**
 * A sweep decides residents through {@link MemoisedDrd}: every remembered answer must be the one the DMN engine gives
 * for the same facts, the tables whose inputs repeat across a county must actually be answered from memory, a
 * decision in FEEL (which has {@code now()}) never is, and memory per decision stays bounded while still serving the
 * members of one household.
 */
class MemoisedDrdTest {

    private final PolicyDecisions decisions = PolicyDecisions.parse(resource("/dmn/eligibility-policies.dmn"),
            resource("/dmn/eligibility-rental-risk.dmn"), new EligibilityProperties(1100, 26400, 1650,
                    Duration.ofDays(180), Duration.ofDays(7), Duration.ofDays(21), 2, 5000, 200, ZoneId.of("Asia/Shanghai")));

    @Test
    void everyRememberedAnswerIsTheEnginesAndTheAgeTablesAreAnsweredFromMemory() {
        PolicyDecisions.Memoised memoised = decisions.memoised();
        SplittableRandom random = new SplittableRandom(20261124);
        int residents = 5_000;
        for (int i = 0; i < residents; i++) {
            VariableMap facts = randomResident(random);
            int inputs = facts.size();
            assertThat(memoised.decide(facts)).as("%s", facts).isEqualTo(decisions.decide(facts));
            assertThat(facts).as("the caller's facts are left as they were").hasSize(inputs);
        }

        Map<String, MemoisedDrd.Stats> memory = memoised.memory();
        assertThat(memory).containsOnlyKeys("eligibility-income-band", "eligibility-asset-band", "eligibility-old-age",
                "eligibility-minimum-living", "eligibility-extreme-poverty", "eligibility-disability-living",
                "eligibility-disability-care", "eligibility-home-care", "eligibility-temporary-assistance",
                "eligibility-policies");
        assertThat(memory.values()).allSatisfy(stats -> {
            assertThat(stats.memoised()).isTrue();
            assertThat(stats.lookups()).isEqualTo(residents);
        });
        // age × hukou, hukou × disability level: a few dozen distinct questions among 5,000 residents
        assertThat(memory.get("eligibility-old-age").hits()).isGreaterThan(residents * 9L / 10);
        assertThat(memory.get("eligibility-disability-care").hits()).isGreaterThan(residents * 9L / 10);
        // through the income band, extreme poverty is evaluated at most once per hukou × age × disability × band ×
        // supporter drawn below (2 × 15 × 5 × 4 × 3 at most), whatever the exact income
        assertThat(memory.get("eligibility-extreme-poverty").lookups() - memory.get("eligibility-extreme-poverty").hits())
                .isLessThanOrEqualTo(2 * 15 * 5 * 4 * 3);
    }

    @Test
    void aDecisionWrittenInFeelIsEvaluatedEveryTime() {
        DmnEngine feelEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision feelDrd = feelEngine.parseDecision("eligibility-policies",
                resource("/bench/eligibility-policies-feel.dmn"));
        MemoisedDrd.Run run = new MemoisedDrd(feelEngine, feelDrd).newRun();
        VariableMap elderly = person("age=85");

        for (int i = 0; i < 3; i++) {
            assertThat(run.evaluate(elderly)).isEqualTo(feelEngine.evaluateDecision(feelDrd, elderly).getResultList());
        }

        assertThat(run.stats().values()).allSatisfy(stats -> {
            assertThat(stats.memoised()).isFalse();
            assertThat(stats.remembered()).isZero();
        });
    }

    @Test
    void aDecisionWhoseInputsDoNotRepeatAcrossTheCountyRemembersABoundedNumberYetServesTheHousehold() {
        PolicyDecisions.Memoised memoised = decisions.memoised();
        int households = MemoisedDrd.MAX_REMEMBERED + 500;
        for (int i = 0; i < households; i++) {
            double income = 500.0 + i / 100.0;
            for (String member : List.of("age=45", "age=30")) {
                VariableMap facts = person(member + ",incomePerCapita=" + income);
                assertThat(memoised.decide(facts)).isEqualTo(decisions.decide(facts));
            }
        }

        MemoisedDrd.Stats minimumLiving = memoised.memory().get("eligibility-minimum-living");
        assertThat(minimumLiving.hits()).as("the second member of each household").isEqualTo(households);
        assertThat(minimumLiving.forgotten()).isEqualTo(1);
        assertThat(minimumLiving.remembered()).isEqualTo(500);
        assertThat(memoised.memory().get("eligibility-old-age").remembered()).isEqualTo(2);
    }

    /** Facts drawn from the values the rules turn on, their boundaries and "not collected". */
    private static VariableMap randomResident(SplittableRandom random) {
        List<String> facts = new ArrayList<>();
        facts.add("age=" + pick(random, "null", "10", "15", "16", "45", "59", "60", "75", "79", "80", "89", "90",
                "99", "100", "103"));
        facts.add("localHukou=" + pick(random, "true", "true", "true", "false"));
        facts.add("incomePerCapita=" + pick(random, "null", "0.0", "800.5", "1099.99", "1100.0", "1649.0", "1650.0",
                "3000.0", String.valueOf(random.nextInt(500, 5000) + 0.25)));
        facts.add("assetsPerCapita=" + pick(random, "null", "0.0", "26400.0", "26400.01", "90000.0"));
        facts.add("disabilityLevel=" + pick(random, "0", "0", "0", "1", "2", "3", "4"));
        facts.add("livingAlone=" + pick(random, "true", "false", "false"));
        facts.add("careLevel=" + pick(random, "null", "0", "1", "2", "3"));
        facts.add("hasSupporter=" + pick(random, "null", "true", "false"));
        facts.add("hardshipEvent=" + pick(random, "null", "null", "null", "disaster", "hospitalisation", "other"));
        facts.add("hardshipDays=" + pick(random, "null", "0", "90", "91"));
        return person(String.join(",", facts));
    }

    private static String pick(SplittableRandom random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static InputStream resource(String path) {
        return MemoisedDrdTest.class.getResourceAsStream(path);
    }
}
