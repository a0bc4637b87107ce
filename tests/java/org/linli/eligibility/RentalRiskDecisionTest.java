package org.linli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dmn/eligibility-rental-risk.dmn}: rental houses graded 宽管/警示/严管/禁租 with 1-4 inspections a month; one
 * case or more per rule row, the boundaries of each threshold, and a house without data.
 */
class RentalRiskDecisionTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = RentalRiskDecisionTest.class.getResourceAsStream("/dmn/eligibility-rental-risk.dmn")) {
            decision = dmnEngine.parseDecision("eligibility-rental-risk", dmn);
        }
    }

    /** tenants, area per tenant (m²), open fire hazards, unregistered tenants, incidents in a year. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("Rule_RentalRisk_NeedsData", "needs-data", 1, null, null, 0, 0, 0),
                c("Rule_RentalRisk_BannedCrowded", "banned", 4, 12, 3.99, 0, 0, 0),
                c("Rule_RentalRisk_BannedFire", "banned", 4, 2, 20.0, 3, 0, 0),
                c("Rule_RentalRisk_StrictIncidents", "strict", 3, 2, 20.0, 0, 0, 2),
                c("Rule_RentalRisk_StrictFireAndIncident", "strict", 3, 2, 20.0, 1, 0, 1),
                c("Rule_RentalRisk_StrictUnregistered", "strict", 3, 5, 10.0, 0, 3, 0),
                c("Rule_RentalRisk_WarningFire", "warning", 2, 2, 20.0, 2, 0, 0),
                c("Rule_RentalRisk_WarningUnregistered", "warning", 2, 3, 12.0, 0, 2, 0),
                c("Rule_RentalRisk_WarningIncident", "warning", 2, 2, 20.0, 0, 0, 1),
                c("Rule_RentalRisk_WarningCrowded", "warning", 2, 6, 4.0, 0, 0, 0),
                c("Rule_RentalRisk_WarningCrowded", "warning", 2, 6, 7.99, 0, 0, 0),
                c("Rule_RentalRisk_Light", "light", 1, 2, 8.0, 0, 0, 0),
                c("Rule_RentalRisk_Light", "light", 1, 0, null, 0, 0, 0));
    }

    private static Arguments c(String rule, String level, int inspections, Integer tenants, Double area, Integer fire,
            Integer unregistered, Integer incidents) {
        return Arguments.of(rule, level, inspections, tenants, area, fire, unregistered, incidents);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleRowGradesItsHouses(String rule, String level, int inspections, Integer tenants, Double area,
            Integer fire, Integer unregistered, Integer incidents) {
        Map<String, Object> grade = evaluate(tenants, area, fire, unregistered, incidents);

        assertThat(grade).containsEntry("riskRule", rule).containsEntry("riskLevel", level)
                .containsEntry("inspectionsPerMonth", inspections);
        assertThat((String) grade.get("riskLevelName")).isNotBlank();
        assertThat((String) grade.get("riskReason")).contains("：");
    }

    @Test
    void everyRuleRowHasACase() {
        List<String> rows = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
                .map(rule -> rule.getId()).toList();

        assertThat(cases().map(arguments -> (String) arguments.get()[0]).distinct().toList())
                .containsExactlyElementsOf(rows);
    }

    @Test
    void theFourLevelsMeanOneToFourInspectionsAMonth() {
        assertThat(evaluate(2, 20.0, 0, 0, 0)).containsEntry("riskLevelName", "宽管").containsEntry("inspectionsPerMonth", 1);
        assertThat(evaluate(2, 20.0, 1, 0, 0)).containsEntry("riskLevelName", "警示").containsEntry("inspectionsPerMonth", 2);
        assertThat(evaluate(2, 20.0, 0, 0, 5)).containsEntry("riskLevelName", "严管").containsEntry("inspectionsPerMonth", 3);
        assertThat(evaluate(30, 2.0, 0, 0, 0)).containsEntry("riskLevelName", "禁租").containsEntry("inspectionsPerMonth", 4);
    }

    private static Map<String, Object> evaluate(Integer tenants, Double area, Integer fire, Integer unregistered,
            Integer incidents) {
        VariableMap variables = Variables.createVariables().putValue("tenants", tenants).putValue("areaPerTenant", area)
                .putValue("fireHazards", fire).putValue("unregisteredTenants", unregistered)
                .putValue("incidents", incidents);
        return dmnEngine.evaluateDecision(decision, variables).getSingleResult().getEntryMap();
    }
}
