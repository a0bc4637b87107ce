package org.linli.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.support.DecisionTables;

/** {@code dmn/deliberation-rules.dmn}: one case per rule row (the row that won, and its outputs), plus unknown types. */
class DeliberationRulesDecisionTest {

    private static final DecisionTables tables = DecisionTables.of("dmn/deliberation-rules.dmn");

    @ParameterizedTest(name = "{0} → {1}: quorum {2} %, {3}, {4} rounds")
    @CsvSource({
            "elevator,     Rule_Elevator,    67, TWO_THIRDS_AREA, 3",
            "parking,      Rule_Parking,     50, TWO_THIRDS,      3",
            "public-space, Rule_PublicSpace, 50, SIMPLE,          2",
            "other,        Rule_Other,       50, SIMPLE,          2",
            "gardening,    Rule_Other,       50, SIMPLE,          2"})
    void topicTypeChoosesItsRules(String topicType, String rule, int quorum, String majority, int maxRounds) {
        DmnDecisionResultEntries result = tables.evaluate("deliberation-rules",
                Variables.createVariables().putValue("topicType", topicType)).getSingleResult();

        assertThat(tables.matchedRules()).containsExactly(rule);
        assertThat(((Number) result.get("quorumPercent")).intValue()).isEqualTo(quorum);
        assertThat(result.<String>get("majorityType")).isEqualTo(majority);
        assertThat(((Number) result.get("maxRounds")).intValue()).isEqualTo(maxRounds);
        assertThat(Tally.Majority.valueOf(majority)).as("a majority the tally knows").isNotNull();
    }
}
