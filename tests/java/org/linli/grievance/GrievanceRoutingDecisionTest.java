package org.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.support.DecisionTables;

/**
 * {@code dmn/grievance-routing.dmn} on the standalone DMN engine: one case per rule row, each checking both the
 * outputs and that exactly this row won under hit policy FIRST, plus the inputs nobody planned for.
 */
class GrievanceRoutingDecisionTest {

    private static final DecisionTables tables = DecisionTables.of("dmn/grievance-routing.dmn");

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("Rule_GasHazard", "public-safety", "gas", "LOW", "dept-safety", "PT24H", false, true),
                rule("Rule_PublicSafetyUrgent", "public-safety", "fire-exit", "URGENT", "dept-safety", "PT24H", false, true),
                rule("Rule_PublicSafety", "public-safety", "fire-exit", "NORMAL", "dept-safety", "P3D", true, false),
                rule("Rule_ElevatorFault", "property", "elevator", "NORMAL", "dept-housing", "PT24H", false, false),
                rule("Rule_PropertyUrgent", "property", "water", "URGENT", "dept-housing", "PT24H", false, false),
                rule("Rule_PropertyLow", "property", "heating", "LOW", "dept-housing", "P5D", true, false),
                rule("Rule_Property", "property", "water", "NORMAL", "dept-housing", "P3D", true, false),
                rule("Rule_EnvironmentUrgent", "environment", "garbage", "URGENT", "dept-environment", "PT24H", false, false),
                rule("Rule_EnvironmentLow", "environment", "noise", "LOW", "dept-environment", "P5D", true, false),
                rule("Rule_Environment", "environment", "garbage", "NORMAL", "dept-environment", "P3D", true, false),
                rule("Rule_MunicipalUrgent", "municipal", "road", "URGENT", "dept-urban", "PT24H", false, false),
                rule("Rule_MunicipalLow", "municipal", "streetlight", "LOW", "dept-urban", "P5D", true, false),
                rule("Rule_Municipal", "municipal", "drainage", "NORMAL", "dept-urban", "P3D", true, false),
                rule("Rule_NeighbourhoodUrgent", "neighbourhood", "dispute", "URGENT", "grid-team", "PT24H", false, true),
                rule("Rule_Neighbourhood", "neighbourhood", "dispute", "LOW", "grid-team", "P3D", true, false),
                rule("Rule_SocialServicesUrgent", "social-services", "relief", "URGENT", "dept-civil-affairs", "PT24H", false, false),
                rule("Rule_SocialServices", "social-services", "pension", "LOW", "dept-civil-affairs", "P3D", true, false),
                rule("Rule_RentalHousingUrgent", "rental-housing", "group-rental", "URGENT", "grid-team", "PT24H", false, true),
                rule("Rule_RentalHousing", "rental-housing", "registration", "NORMAL", "grid-team", "P3D", true, false),
                rule("Rule_Triage", "other", null, "NORMAL", "triage", "PT24H", false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleRowRoutesItsCases(String ruleId, String category, String subCategory, String urgency,
            String handlerGroup, String slaDuration, boolean slaWorkingDays, boolean copyStreet) {
        DmnDecisionResultEntries routing = evaluate(category, subCategory, urgency);

        assertThat(tables.matchedRules()).containsExactly(ruleId);
        assertThat(routing).containsOnly(entry("handlerGroup", handlerGroup), entry("slaDuration", slaDuration),
                entry("slaWorkingDays", slaWorkingDays), entry("copyStreet", copyStreet));
    }

    @Test
    void unknownCategoryGoesToTriageInsteadOfFailing() {
        DmnDecisionResultEntries routing = evaluate("water-supply-company", "pipe", "URGENT");

        assertThat(tables.matchedRules()).containsExactly("Rule_Triage");
        assertThat(routing).containsEntry("handlerGroup", "triage").containsEntry("slaDuration", "PT24H");
    }

    @Test
    void missingInputsStillGiveAResult() {
        assertThat(evaluate(null, null, null)).containsEntry("handlerGroup", "triage");
        assertThat(tables.matchedRules()).containsExactly("Rule_Triage");

        assertThat(evaluate("environment", null, null)).containsEntry("handlerGroup", "dept-environment")
                .containsEntry("slaDuration", "P3D");
        assertThat(tables.matchedRules()).containsExactly("Rule_Environment");
    }

    @Test
    void everyRuleRowHasATestCase() {
        List<String> tested = rules().map(arguments -> (String) arguments.get()[0]).toList();
        List<String> rows = ((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) tables.decision("grievance-routing").getDecisionLogic())
                .getRules().stream().map(rule -> rule.getId()).toList();

        assertThat(tested).containsExactlyElementsOf(rows);
    }

    private static Arguments rule(String ruleId, String category, String subCategory, String urgency,
            String handlerGroup, String slaDuration, boolean slaWorkingDays, boolean copyStreet) {
        return Arguments.of(ruleId, category, subCategory, urgency, handlerGroup, slaDuration, slaWorkingDays, copyStreet);
    }

    private static DmnDecisionResultEntries evaluate(String category, String subCategory, String urgency) {
        VariableMap variables = Variables.createVariables()
                .putValue("category", category)
                .putValue("subCategory", subCategory)
                .putValue("urgency", urgency);
        return tables.evaluate("grievance-routing", variables).getSingleResult();
    }
}
