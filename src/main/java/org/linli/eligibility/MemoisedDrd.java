package org.linli.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
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
    /** Every name a decision reads or writes gets a slot: one evaluation's variables are an array, not a map. */
    private final Map<String, Integer> slots;

    MemoisedDrd(DmnEngine engine, DmnDecision drd) {
        this.engine = engine;
        List<DmnDecision> order = new ArrayList<>();
        inEvaluationOrder(drd, order);
        this.slots = slotsOf(order);
        this.steps = order.stream().map(decision -> Step.of(decision, slots)).toList();
    }

    /** One sweep's memory: results are shared by the threads that use it and dropped with it. */
    Run newRun() {
        return new Run();
    }

    private static Map<String, Integer> slotsOf(List<DmnDecision> decisions) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (DmnDecision decision : decisions) {
            for (String name : Step.namesIn(Step.expressionsOf(decision.getDecisionLogic()))) {
                slots.putIfAbsent(name, slots.size());
            }
            Step.outputsOf(decision.getDecisionLogic()).forEach(output -> slots.putIfAbsent(output, slots.size()));
        }
        return Map.copyOf(slots);
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
        List<Map<String, Object>> evaluate(Map<String, Object> inputs) {
            Object[] variables = new Object[slots.size()];
            Arrays.fill(variables, ABSENT);
            inputs.forEach((name, value) -> {
                Integer slot = slots.get(name);
                if (slot != null) {
                    variables[slot] = value;
                }
            });
            Remembered result = null;
            for (int i = 0; i < steps.size(); i++) {
                result = memories.get(i).resultOf(steps.get(i), variables, inputs);
                result.addTo(variables);
            }
            return result.result;
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
            private final Map<Key, Remembered> results = new ConcurrentHashMap<>();
            private final AtomicLong lookups = new AtomicLong();
            private final AtomicLong hits = new AtomicLong();
            private final AtomicLong forgotten = new AtomicLong();

            Remembered resultOf(Step step, Object[] variables, Map<String, Object> inputs) {
                if (!step.memoisable) {
                    return step.evaluate(engine, step.everything(variables, inputs));
                }
                lookups.incrementAndGet();
                Key key = step.keyOf(variables);
                Remembered remembered = results.get(key);
                if (remembered != null) {
                    hits.incrementAndGet();
                    return remembered;
                }
                Remembered result = step.evaluate(engine, step.onlyRead(key.values));
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

    /** The values a decision reads, with a hash that mixes them well (small integers and booleans abound). */
    private static final class Key {
        private final Object[] values;
        private final int hash;

        Key(Object[] values) {
            this.values = values;
            int h = 0;
            for (Object value : values) {
                h = Integer.rotateLeft((h ^ Objects.hashCode(value)) * 0x9E3779B9, 13);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && Arrays.equals(key.values, values);
        }
    }

    /**
     * A decision's result list as the engine gave it, and what it adds to the variables of the decisions that require
     * it (what {@code DefaultDmnDecisionContext} does), worked out once: slots and the values to put in them.
     */
    private static final class Remembered {
        private final List<Map<String, Object>> result;
        private final int[] slots;
        private final Object[] values;

        Remembered(List<Map<String, Object>> result, boolean resultsAsLists, Map<String, Integer> slotOf) {
            this.result = result;
            Map<String, Object> added = new LinkedHashMap<>();
            if (result.size() == 1 && !resultsAsLists) {
                added.putAll(result.get(0));
            } else {
                Map<String, List<Object>> lists = new LinkedHashMap<>();
                result.forEach(row -> row.forEach(
                        (output, value) -> lists.computeIfAbsent(output, o -> new ArrayList<>()).add(value)));
                lists.forEach((output, values) -> added.put(output, Collections.unmodifiableList(values)));
            }
            added.keySet().retainAll(slotOf.keySet());
            this.slots = added.keySet().stream().mapToInt(slotOf::get).toArray();
            this.values = added.values().toArray();
        }

        void addTo(Object[] variables) {
            for (int i = 0; i < slots.length; i++) {
                variables[slots[i]] = values[i];
            }
        }
    }

    /** A decision of the DRD without its required decisions (their results are in the variables by then). */
    private static final class Step {

        private final DmnDecision decision;
        private final String[] names;
        private final int[] reads;
        private final boolean memoisable;
        private final boolean resultsAsLists;
        private final Map<String, Integer> slotOf;

        private Step(DmnDecision decision, String[] names, boolean memoisable, boolean resultsAsLists,
                Map<String, Integer> slotOf) {
            this.decision = decision;
            this.names = names;
            this.reads = Arrays.stream(names).mapToInt(slotOf::get).toArray();
            this.memoisable = memoisable;
            this.resultsAsLists = resultsAsLists;
            this.slotOf = slotOf;
        }

        static Step of(DmnDecision decision, Map<String, Integer> slots) {
            DmnDecisionImpl alone = new DmnDecisionImpl();
            alone.setKey(decision.getKey());
            alone.setName(decision.getName());
            alone.setDecisionLogic(decision.getDecisionLogic());
            alone.setRequiredDecision(List.of());
            List<DmnExpressionImpl> expressions = expressionsOf(decision.getDecisionLogic());
            boolean juelOnly = expressions.stream()
                    .allMatch(e -> blank(e) || "juel".equalsIgnoreCase(e.getExpressionLanguage()));
            return new Step(alone, namesIn(expressions), juelOnly && !expressions.isEmpty(),
                    collectsOrOrders(decision.getDecisionLogic()), slots);
        }

        Remembered evaluate(DmnEngine engine, VariableMap variables) {
            return new Remembered(List.copyOf(engine.evaluateDecision(decision, variables).getResultList()),
                    resultsAsLists, slotOf);
        }

        Key keyOf(Object[] variables) {
            Object[] values = new Object[reads.length];
            for (int i = 0; i < reads.length; i++) {
                values[i] = variables[reads[i]];
            }
            return new Key(values);
        }

        /** The decision reads no other variable, and the engine copies every variable it is given. */
        VariableMap onlyRead(Object[] values) {
            VariableMap named = Variables.createVariables();
            for (int i = 0; i < names.length; i++) {
                if (values[i] != ABSENT) {
                    named.put(names[i], values[i]);
                }
            }
            return named;
        }

        /** For a decision that is not memoised: the inputs and every result so far, as the engine would see them. */
        VariableMap everything(Object[] variables, Map<String, Object> inputs) {
            VariableMap all = Variables.fromMap(inputs);
            slotOf.forEach((name, slot) -> {
                if (variables[slot] != ABSENT) {
                    all.put(name, variables[slot]);
                }
            });
            return all;
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

        private static List<String> outputsOf(DmnDecisionLogic logic) {
            if (logic instanceof DmnDecisionTableImpl table) {
                return table.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName)
                        .filter(Objects::nonNull).toList();
            }
            if (logic instanceof DmnDecisionLiteralExpressionImpl literal && literal.getVariable() != null) {
                return List.of(literal.getVariable().getName());
            }
            return List.of();
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
