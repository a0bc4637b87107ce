package org.linli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The decisions of one file under {@code dmn/} on the standalone DMN engine, for decision tests: evaluates by key
 * and remembers which rules matched in the last evaluation (after the hit policy), so a test can say which row
 * won, not only what came out.
 */
public final class DecisionTables {

    private final DmnEngine engine;
    private final List<DmnDecision> decisions;
    private final List<String> matchedRules = new ArrayList<>();

    private DecisionTables(String resource) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(event -> {
            if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
                table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
            }
        }));
        engine = configuration.buildEngine();
        try (InputStream dmn = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (dmn == null) {
                throw new IllegalArgumentException(resource + " is not on the classpath");
            }
            decisions = engine.parseDecisions(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param resource e.g. {@code dmn/grievance-routing.dmn} */
    public static DecisionTables of(String resource) {
        return new DecisionTables(resource);
    }

    public DmnDecision decision(String key) {
        return decisions.stream().filter(decision -> decision.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No decision " + key));
    }

    /** Evaluates decision {@code key} (and the decisions it requires); {@link #matchedRules()} tells which rows won. */
    public DmnDecisionResult evaluate(String key, VariableMap variables) {
        matchedRules.clear();
        return engine.evaluateDecision(decision(key), variables);
    }

    /** The ids of the rules that matched in the last evaluation, of every table it evaluated. */
    public List<String> matchedRules() {
        return List.copyOf(matchedRules);
    }
}
