package org.linli.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The deployed policy decisions, evaluated directly on a standalone DMN engine: no process instance, no history row
 * per resident, thread-safe (a parsed decision is immutable). The DMN files stay the only statement of the rules.
 */
public final class PolicyDecisions {

    static final String POLICIES = "eligibility-policies";
    static final String RENTAL_RISK = "eligibility-rental-risk";

    private final DmnEngine engine;
    private final DmnDecision policies;
    private final DmnDecision rentalRisk;
    private final MemoisedDrd memoisedPolicies;
    private final EligibilityProperties parameters;

    private PolicyDecisions(DmnEngine engine, DmnDecision policies, DmnDecision rentalRisk,
            EligibilityProperties parameters) {
        this.engine = engine;
        this.policies = policies;
        this.rentalRisk = rentalRisk;
        this.memoisedPolicies = new MemoisedDrd(engine, policies);
        this.parameters = parameters;
    }

    /** Parses the two DMN files (as deployed, or from the classpath in tests and benchmarks). */
    public static PolicyDecisions parse(InputStream policiesDmn, InputStream rentalRiskDmn,
            EligibilityProperties parameters) {
        DmnEngine engine = engine();
        try (policiesDmn; rentalRiskDmn) {
            DmnDecision policies = engine.parseDecision(POLICIES, policiesDmn);
            DmnDecision rental = engine.parseDecision(RENTAL_RISK, rentalRiskDmn);
            return new PolicyDecisions(engine, policies, rental, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DMN engine these decisions run on: the stock one with {@link LeanJuelElProvider}. */
    static DmnEngine engine() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .elProvider(new LeanJuelElProvider()).buildEngine();
    }

    /** Every policy the resident qualifies for or might (needs data) on {@code today}. */
    List<PolicyMatch> decide(ResidentFacts facts, LocalDate today) {
        return decide(Variables.fromMap(facts.inputs(today, parameters)));
    }

    /** The same on prepared inputs (see {@link ResidentFacts#inputs}). */
    public List<PolicyMatch> decide(VariableMap inputs) {
        return matches(engine.evaluateDecision(policies, inputs).getResultList());
    }

    /** For deciding many residents at once (a sweep): see {@link Memoised}. */
    public Memoised memoised() {
        return new Memoised(memoisedPolicies.newRun());
    }

    private static List<PolicyMatch> matches(List<Map<String, Object>> result) {
        List<PolicyMatch> matches = new ArrayList<>(result.size());
        for (Map<String, Object> row : result) {
            Number amount = (Number) row.get("amount");
            matches.add(new PolicyMatch((String) row.get("policy"), (String) row.get("policyName"),
                    (String) row.get("status"), amount == null ? 0 : Math.round(amount.doubleValue() * 100) / 100.0,
                    (String) row.get("period"), (String) row.get("department"), (String) row.get("rule"),
                    (String) row.get("reason")));
        }
        return matches;
    }

    /** The risk level of a rental house (宽管/警示/严管/禁租) and its inspections per month. */
    RentalGrade grade(RentalFacts house) {
        Map<String, Object> row = engine.evaluateDecision(rentalRisk, house.variables()).getSingleResult().getEntryMap();
        return new RentalGrade(house.addressId(), (String) row.get("riskLevel"), (String) row.get("riskLevelName"),
                ((Number) row.get("inspectionsPerMonth")).intValue(), (String) row.get("riskRule"),
                (String) row.get("riskReason"));
    }

    EligibilityProperties parameters() {
        return parameters;
    }

    /**
     * The same decisions for many residents, each table's results remembered for the inputs it reads
     * ({@link MemoisedDrd}); thread-safe, and meant to be dropped after the sweep that uses it.
     */
    public final class Memoised {

        private final MemoisedDrd.Run run;

        private Memoised(MemoisedDrd.Run run) {
            this.run = run;
        }

        List<PolicyMatch> decide(ResidentFacts facts, LocalDate today) {
            return decide(facts.inputs(today, parameters));
        }

        public List<PolicyMatch> decide(Map<String, Object> inputs) {
            return matches(run.evaluate(inputs));
        }

        public Map<String, MemoisedDrd.Stats> memory() {
            return run.stats();
        }
    }

    record RentalGrade(long addressId, String level, String levelName, int inspectionsPerMonth, String ruleId,
            String reason) {
    }
}
