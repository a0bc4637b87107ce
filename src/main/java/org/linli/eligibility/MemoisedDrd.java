package org.linli.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionLogic;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;

/**
 * Evaluates a DRD as the DMN engine does (required decisions first, each result added to the variables of the ones
 * that need it), remembering within one {@link Run} every decision's result for the values of the variables its
 * expressions name. A JUEL table is a function of those values alone, so a remembered result is the one the engine
 * would compute again; a sweep over a county asks the age tables a few hundred distinct questions, not 200,000.
 * Decisions with an expression in another language (FEEL has {@code now()}) are always evaluated. Each decision
 * keeps at most {@link #MAX_REMEMBERED} results and then starts afresh: a table whose inputs do not repeat across a
 * county (income per capita) costs bounded memory and is still answered from memory for the other members of a
 * household, who come next in a sweep. Decision 0016 says why this is safe and what it gains.
 */
public final class MemoisedDrd {

    static final int MAX_REMEMBERED = 8_192;

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    private final DmnEngine engine;
    private final List<Step> steps;

    MemoisedDrd(DmnEngine engine, DmnDecision drd) {
        this.engine = engine;
        List<DmnDecision> order = new ArrayList<>();
        inEvaluationOrder(drd, order);
        this.steps = order.stream().map(Step::of).toList();
    }

    /** One sweep's memory: results are shared by the threads that use it and dropped with it. */
    Run newRun() {
        return new Run();
    }

    private static void inEvaluationOrder(DmnDecision decision, List<DmnDecision> order) {
        if (order.contains(decision)) {
            return;
        }
        decision.getRequiredDecisions().forEach(required -> inEvaluationOrder(required, order));
        order.add(decision);
    }

    public final class Run {

        private final List<Memory> memories = steps.stream().map(step -> new Memory()).toList();

        /** The result list of the DRD's top decision, as {@code DmnEngine.evaluateDecision} would give it. */
        List<Map<String, Object>> evaluate(VariableMap inputs) {
            // a plain map: a VariableMap wraps every value it holds, and most steps read it without evaluating
            Map<String, Object> variables = new HashMap<>(64);
            variables.putAll(inputs);
            List<Map<String, Object>> result = List.of();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                result = memories.get(i).resultOf(step, variables);
                if (i < steps.size() - 1) {
                    step.addResult(result, variables);
                }
            }
            return result;
        }

        /** Per decision key: lookups answered from memory, of all lookups ({@code memoised} false: not eligible). */
        public Map<String, Stats> stats() {
            Map<String, Stats> stats = new LinkedHashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                Memory memory = memories.get(i);
                stats.put(steps.get(i).decision.getKey(), new Stats(steps.get(i).memoisable, memory.lookups.get(),
                        memory.hits.get(), memory.results.size(), memory.forgotten.get()));
            }
            return stats;
        }

        private final class Memory {
            private final Map<List<Object>, List<Map<String, Object>>> results = new ConcurrentHashMap<>();
            private final AtomicLong lookups = new AtomicLong();
            private final AtomicLong hits = new AtomicLong();
            private final AtomicLong forgotten = new AtomicLong();

            List<Map<String, Object>> resultOf(Step step, Map<String, Object> variables) {
                if (!step.memoisable) {
                    return step.evaluate(engine, Variables.fromMap(variables));
                }
                lookups.incrementAndGet();
                Object[] values = step.valuesOfNames(variables);
                List<Object> key = Arrays.asList(values);
                List<Map<String, Object>> remembered = results.get(key);
                if (remembered != null) {
                    hits.incrementAndGet();
                    return remembered;
                }
                List<Map<String, Object>> result = step.evaluate(engine, step.onlyNamed(values));
                if (results.size() >= MAX_REMEMBERED) {
                    // inputs that do not repeat across the county still repeat within a household: start afresh
                    results.clear();
                    forgotten.incrementAndGet();
                }
                results.putIfAbsent(key, result);
                return result;
            }
        }
    }

    /** {@code forgotten}: how often the memory was full and started afresh. */
    public record Stats(boolean memoised, long lookups, long hits, int remembered, long forgotten) {
    }

    /** A decision of the DRD without its required decisions (their results are in the variables by then). */
    private static final class Step {

        private final DmnDecision decision;
        private final String[] names;
        private final boolean memoisable;
        private final boolean resultsAsLists;

        private Step(DmnDecision decision, String[] names, boolean memoisable, boolean resultsAsLists) {
            this.decision = decision;
            this.names = names;
            this.memoisable = memoisable;
            this.resultsAsLists = resultsAsLists;
        }

        static Step of(DmnDecision decision) {
            DmnDecisionImpl alone = new DmnDecisionImpl();
            alone.setKey(decision.getKey());
            alone.setName(decision.getName());
            alone.setDecisionLogic(decision.getDecisionLogic());
            alone.setRequiredDecision(List.of());
            List<DmnExpressionImpl> expressions = expressionsOf(decision.getDecisionLogic());
            boolean juelOnly = expressions.stream()
                    .allMatch(e -> blank(e) || "juel".equalsIgnoreCase(e.getExpressionLanguage()));
            return new Step(alone, namesIn(expressions), juelOnly && !expressions.isEmpty(),
                    collectsOrOrders(decision.getDecisionLogic()));
        }

        List<Map<String, Object>> evaluate(DmnEngine engine, VariableMap variables) {
            return List.copyOf(engine.evaluateDecision(decision, variables).getResultList());
        }

        Object[] valuesOfNames(Map<String, Object> variables) {
            Object[] values = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                Object value = variables.get(names[i]);
                values[i] = value == null && !variables.containsKey(names[i]) ? ABSENT : value;
            }
            return values;
        }

        /** The decision reads no other variable, and the engine copies every variable it is given. */
        VariableMap onlyNamed(Object[] values) {
            VariableMap named = Variables.createVariables();
            for (int i = 0; i < names.length; i++) {
                if (values[i] != ABSENT) {
                    named.put(names[i], values[i]);
                }
            }
            return named;
        }

        /** What {@code DefaultDmnDecisionContext} does with a required decision's result. */
        void addResult(List<Map<String, Object>> result, Map<String, Object> variables) {
            if (result.isEmpty()) {
                return;
            }
            if (result.size() == 1 && !resultsAsLists) {
                variables.putAll(result.get(0));
                return;
            }
            Set<String> outputs = new LinkedHashSet<>();
            result.forEach(row -> outputs.addAll(row.keySet()));
            for (String output : outputs) {
                List<Object> values = new ArrayList<>();
                for (Map<String, Object> row : result) {
                    if (row.containsKey(output)) {
                        values.add(row.get(output));
                    }
                }
                variables.put(output, values);
            }
        }

        private static boolean blank(DmnExpressionImpl expression) {
            return expression.getExpression() == null || expression.getExpression().isBlank();
        }

        private static boolean collectsOrOrders(DmnDecisionLogic logic) {
            if (logic instanceof DmnDecisionTableImpl table) {
                HitPolicy policy = table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy();
                return policy == HitPolicy.COLLECT || policy == HitPolicy.RULE_ORDER;
            }
            return false;
        }

        private static List<DmnExpressionImpl> expressionsOf(DmnDecisionLogic logic) {
            List<DmnExpressionImpl> expressions = new ArrayList<>();
            if (logic instanceof DmnDecisionTableImpl table) {
                table.getInputs().stream().map(DmnDecisionTableInputImpl::getExpression).forEach(expressions::add);
                for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                    expressions.addAll(rule.getConditions());
                    expressions.addAll(rule.getConclusions());
                }
            } else if (logic instanceof DmnDecisionLiteralExpressionImpl literal) {
                expressions.add(literal.getExpression());
            }
            expressions.removeIf(Objects::isNull);
            return expressions;
        }

        /** Every name an expression could read, string literals left out; a name no variable has costs nothing. */
        private static String[] namesIn(List<DmnExpressionImpl> expressions) {
            Set<String> names = new LinkedHashSet<>();
            for (DmnExpressionImpl expression : expressions) {
                if (!blank(expression)) {
                    Matcher matcher = IDENTIFIER.matcher(QUOTED.matcher(expression.getExpression()).replaceAll(" "));
                    while (matcher.find()) {
                        names.add(matcher.group());
                    }
                }
            }
            return names.toArray(String[]::new);
        }
    }
}
