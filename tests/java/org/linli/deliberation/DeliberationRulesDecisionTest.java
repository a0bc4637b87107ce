package org.linli.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dmn/deliberation-rules.dmn}: one case per rule row (the row that won, and its outputs), plus unknown types. */
class DeliberationRulesDecisionTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;
    private static final List<String> matchedRules = new ArrayList<>();

    @BeforeAll
    static void parseDecision() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(event -> {
            if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
                table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
            }
        }));
        dmnEngine = configuration.buildEngine();
        try (InputStream dmn = DeliberationRulesDecisionTest.class.getResourceAsStream("/dmn/deliberation-rules.dmn")) {
            decision = dmnEngine.parseDecision("deliberation-rules", dmn);
        }
    }

    @BeforeEach
    void forgetLastMatch() {
        matchedRules.clear();
    }

    @ParameterizedTest(name = "{0} → {1}: quorum {2} %, {3}, {4} rounds")
    @CsvSource({
            "elevator,     Rule_Elevator,    67, TWO_THIRDS_AREA, 3",
            "parking,      Rule_Parking,     50, TWO_THIRDS,      3",
            "public-space, Rule_PublicSpace, 50, SIMPLE,          2",
            "other,        Rule_Other,       50, SIMPLE,          2",
            "gardening,    Rule_Other,       50, SIMPLE,          2"})
    void topicTypeChoosesItsRules(String topicType, String rule, int quorum, String majority, int maxRounds) {
        DmnDecisionRuleResult result = dmnEngine.evaluateDecisionTable(decision,
                Variables.createVariables().putValue("topicType", topicType)).getSingleResult();

        assertThat(matchedRules).containsExactly(rule);
        assertThat(((Number) result.get("quorumPercent")).intValue()).isEqualTo(quorum);
        assertThat(result.<String>get("majorityType")).isEqualTo(majority);
        assertThat(((Number) result.get("maxRounds")).intValue()).isEqualTo(maxRounds);
        assertThat(Tally.Majority.valueOf(majority)).as("a majority the tally knows").isNotNull();
    }
}
