package org.linli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dmn/eligibility-policies.dmn} on the standalone DMN engine: a table of cases per policy table, one or more
 * per rule row (each naming the row that must win under hit policy FIRST) with the boundaries (age 79/80, income
 * exactly at the line), missing data giving "needs-data" instead of an error, and the top-level DRD that lists the
 * policies of one resident with the amount and the rule that matched.
 */
class EligibilityPoliciesDecisionTest {

    /** Illustrative parameters, the defaults of {@code app.eligibility}. */
    static final double POVERTY_LINE = 1100;
    static final double ASSET_LIMIT = 26400;
    static final double LOW_INCOME_LINE = 1650;

    private static final Map<String, DmnDecision> decisions = new LinkedHashMap<>();
    private static DmnEngine dmnEngine;

    @BeforeAll
    static void parseDecisions() throws IOException {
        dmnEngine = PolicyDecisions.engine();
        try (InputStream dmn = EligibilityPoliciesDecisionTest.class.getResourceAsStream("/dmn/eligibility-policies.dmn")) {
            dmnEngine.parseDecisions(dmn).forEach(decision -> decisions.put(decision.getKey(), decision));
        }
    }

    /** A local working-age resident with income above every line, a supporter and no needs: qualifies for nothing. */
    static VariableMap person(String overrides) {
        VariableMap facts = Variables.createVariables()
                .putValue("age", 45).putValue("localHukou", true).putValue("incomePerCapita", 3000.0)
                .putValue("assetsPerCapita", 10000.0).putValue("disabilityLevel", 0).putValue("livingAlone", false)
                .putValue("careLevel", 0).putValue("hasSupporter", true).putValue("hardshipEvent", null)
                .putValue("hardshipDays", null)
                .putValue("povertyLine", POVERTY_LINE).putValue("assetLimit", ASSET_LIMIT)
                .putValue("lowIncomeLine", LOW_INCOME_LINE);
        for (String pair : overrides.isBlank() ? new String[0] : overrides.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            facts.putValue(kv[0], parse(kv[1]));
        }
        return facts;
    }

    private static Object parse(String text) {
        if (text.equals("null")) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?\\d+")) {
            return Integer.valueOf(text);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return Double.valueOf(text);
        }
        return text;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 高龄津贴 old-age allowance
                c("eligibility-old-age", "Rule_OldAge_NeedsBirthDate", "needs-data", 0, "age=null"),
                c("eligibility-old-age", "Rule_OldAge_NonLocal", "none", 0, "age=85,localHukou=false"),
                c("eligibility-old-age", "Rule_OldAge_Centenarian", "eligible", 600, "age=100"),
                c("eligibility-old-age", "Rule_OldAge_Nineties", "eligible", 300, "age=99"),
                c("eligibility-old-age", "Rule_OldAge_Nineties", "eligible", 300, "age=90"),
                c("eligibility-old-age", "Rule_OldAge_Eighties", "eligible", 100, "age=89"),
                c("eligibility-old-age", "Rule_OldAge_Eighties", "eligible", 100, "age=80"),
                c("eligibility-old-age", "Rule_OldAge_Under80", "none", 0, "age=79"),
                // 最低生活保障 minimum living allowance
                c("eligibility-minimum-living", "Rule_MinimumLiving_NonLocal", "none", 0, "localHukou=false,incomePerCapita=500.0"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_NeedsIncome", "needs-data", 0, "incomePerCapita=null"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_IncomeAtOrAboveLine", "none", 0, "incomePerCapita=1100.0"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_NeedsAssets", "needs-data", 0, "incomePerCapita=600.0,assetsPerCapita=null"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_AssetsAboveLimit", "none", 0, "incomePerCapita=600.0,assetsPerCapita=26400.01"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_BelowLine", "eligible", 0.01, "incomePerCapita=1099.99,assetsPerCapita=26400.0"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_BelowLine", "eligible", 1100, "incomePerCapita=0.0"),
                c("eligibility-minimum-living", "Rule_MinimumLiving_Otherwise", "none", 0, "localHukou=null,incomePerCapita=500.0"),
                // 特困人员供养 extreme-poverty support
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_NonLocal", "none", 0, "localHukou=false,age=70,incomePerCapita=0.0,hasSupporter=false"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_NeedsBirthDate", "needs-data", 0, "age=null"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_NotVulnerable", "none", 0, "age=59,incomePerCapita=0.0,hasSupporter=false,disabilityLevel=3"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_NotVulnerable", "none", 0, "age=16,incomePerCapita=0.0,hasSupporter=false"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_NeedsIncome", "needs-data", 0, "age=60,incomePerCapita=null"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_HasIncome", "none", 0, "age=60,incomePerCapita=1100.0,hasSupporter=false"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_HasSupporter", "none", 0, "age=60,incomePerCapita=300.0,hasSupporter=true"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_NeedsSupporter", "needs-data", 0, "age=60,incomePerCapita=300.0,hasSupporter=null"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_Elderly", "eligible", 1430, "age=60,incomePerCapita=1099.0,hasSupporter=false"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_Minor", "eligible", 1430, "age=15,incomePerCapita=0.0,hasSupporter=false"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_SevereDisability", "eligible", 1430, "age=40,disabilityLevel=2,incomePerCapita=200.0,hasSupporter=false"),
                c("eligibility-extreme-poverty", "Rule_ExtremePoverty_Otherwise", "none", 0, "age=70,localHukou=null,incomePerCapita=200.0,hasSupporter=false"),
                // 困难残疾人生活补贴 disability living subsidy
                c("eligibility-disability-living", "Rule_DisabilityLiving_NotDisabled", "none", 0, "disabilityLevel=0,incomePerCapita=100.0"),
                c("eligibility-disability-living", "Rule_DisabilityLiving_NonLocal", "none", 0, "disabilityLevel=1,localHukou=false,incomePerCapita=100.0"),
                c("eligibility-disability-living", "Rule_DisabilityLiving_NeedsIncome", "needs-data", 0, "disabilityLevel=3,incomePerCapita=null"),
                c("eligibility-disability-living", "Rule_DisabilityLiving_Severe", "eligible", 100, "disabilityLevel=2,incomePerCapita=1649.99"),
                c("eligibility-disability-living", "Rule_DisabilityLiving_Moderate", "eligible", 80, "disabilityLevel=4,incomePerCapita=0.0"),
                c("eligibility-disability-living", "Rule_DisabilityLiving_Otherwise", "none", 0, "disabilityLevel=1,incomePerCapita=1650.0"),
                // 重度残疾人护理补贴 severe disability care subsidy
                c("eligibility-disability-care", "Rule_DisabilityCare_NonLocal", "none", 0, "disabilityLevel=1,localHukou=false"),
                c("eligibility-disability-care", "Rule_DisabilityCare_LevelOne", "eligible", 150, "disabilityLevel=1"),
                c("eligibility-disability-care", "Rule_DisabilityCare_LevelTwo", "eligible", 100, "disabilityLevel=2"),
                c("eligibility-disability-care", "Rule_DisabilityCare_Otherwise", "none", 0, "disabilityLevel=3"),
                // 居家养老服务补贴 home-care service subsidy
                c("eligibility-home-care", "Rule_HomeCare_NonLocal", "none", 0, "localHukou=false,age=85,careLevel=3"),
                c("eligibility-home-care", "Rule_HomeCare_NeedsBirthDate", "needs-data", 0, "age=null"),
                c("eligibility-home-care", "Rule_HomeCare_Under60", "none", 0, "age=59,careLevel=3"),
                c("eligibility-home-care", "Rule_HomeCare_NeedsAssessmentOld", "needs-data", 0, "age=80,careLevel=null"),
                c("eligibility-home-care", "Rule_HomeCare_NeedsAssessmentAlone", "needs-data", 0, "age=65,livingAlone=true,careLevel=null"),
                c("eligibility-home-care", "Rule_HomeCare_Severe", "eligible", 600, "age=60,careLevel=3"),
                c("eligibility-home-care", "Rule_HomeCare_ModerateAlone", "eligible", 400, "age=70,livingAlone=true,careLevel=2"),
                c("eligibility-home-care", "Rule_HomeCare_ModerateOld", "eligible", 400, "age=80,careLevel=2"),
                c("eligibility-home-care", "Rule_HomeCare_MildOldAlone", "eligible", 200, "age=80,livingAlone=true,careLevel=1"),
                c("eligibility-home-care", "Rule_HomeCare_Otherwise", "none", 0, "age=79,livingAlone=true,careLevel=1"),
                c("eligibility-home-care", "Rule_HomeCare_Otherwise", "none", 0, "age=70,careLevel=null"),
                // 临时救助 temporary assistance
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_NoEvent", "none", 0, "hardshipEvent=null,incomePerCapita=100.0"),
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_TooLate", "none", 0, "hardshipEvent=disaster,hardshipDays=91,incomePerCapita=100.0"),
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_NeedsIncome", "needs-data", 0, "hardshipEvent=disaster,hardshipDays=3,incomePerCapita=null"),
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_IncomeTooHigh", "none", 0, "hardshipEvent=disaster,hardshipDays=3,incomePerCapita=1650.0"),
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_Disaster", "eligible", 3000, "hardshipEvent=disaster,hardshipDays=90,incomePerCapita=1649.0"),
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_Hospitalisation", "eligible", 2000, "hardshipEvent=hospitalisation,hardshipDays=0,incomePerCapita=800.0"),
                c("eligibility-temporary-assistance", "Rule_TemporaryAssistance_Otherwise", "none", 0, "hardshipEvent=theft,hardshipDays=1,incomePerCapita=800.0"));
    }

    private static Arguments c(String decision, String rule, String status, double amount, String facts) {
        return Arguments.of(decision, rule, status, amount, facts);
    }

    @ParameterizedTest(name = "{1}: {4}")
    @MethodSource("cases")
    void eachRuleRowDecidesItsCases(String decisionKey, String ruleId, String status, double amount, String facts) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(decisions.get(decisionKey), person(facts));

        assertThat(result).hasSize(1);
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        String prefix = decisions.get(decisionKey).getDecisionLogic() instanceof DmnDecisionTableImpl table
                ? table.getOutputs().get(0).getOutputName().replace("Status", "") : "";
        assertThat(row.get(prefix + "Rule")).isEqualTo(ruleId);
        assertThat(row.get(prefix + "Status")).isEqualTo(status);
        assertThat((Double) row.get(prefix + "Amount")).isCloseTo(amount, org.assertj.core.data.Offset.offset(0.001));
        assertThat((String) row.get(prefix + "Reason")).isNotBlank();
    }

    /**
     * 家庭收入档次 and 家庭财产档次: the one place the income is compared with the poverty and low-income lines, and the
     * assets with their limit.
     */
    static Stream<Arguments> bands() {
        return Stream.of(
                band("eligibility-income-band", "Rule_IncomeBand_Unknown", "unknown", "incomePerCapita=null"),
                band("eligibility-income-band", "Rule_IncomeBand_BelowPovertyLine", "below-poverty-line", "incomePerCapita=0.0"),
                band("eligibility-income-band", "Rule_IncomeBand_BelowPovertyLine", "below-poverty-line", "incomePerCapita=1099.99"),
                band("eligibility-income-band", "Rule_IncomeBand_BelowLowIncomeLine", "below-low-income-line", "incomePerCapita=1100.0"),
                band("eligibility-income-band", "Rule_IncomeBand_BelowLowIncomeLine", "below-low-income-line", "incomePerCapita=1649.99"),
                band("eligibility-income-band", "Rule_IncomeBand_NotLowIncome", "not-low-income", "incomePerCapita=1650.0"),
                band("eligibility-asset-band", "Rule_AssetBand_Unknown", "unknown", "assetsPerCapita=null"),
                band("eligibility-asset-band", "Rule_AssetBand_AboveLimit", "above-limit", "assetsPerCapita=26400.01"),
                band("eligibility-asset-band", "Rule_AssetBand_WithinLimit", "within-limit", "assetsPerCapita=26400.0"),
                band("eligibility-asset-band", "Rule_AssetBand_WithinLimit", "within-limit", "assetsPerCapita=0.0"));
    }

    private static Arguments band(String decisionKey, String ruleId, String band, String facts) {
        return Arguments.of(decisionKey, ruleId, band, facts);
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @MethodSource("bands")
    void eachBandComparesWithItsLinesOnce(String decisionKey, String ruleId, String band, String facts) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(decisions.get(decisionKey), person(facts));

        assertThat(result.getSingleResult().getEntryMap()).hasSize(1);
        assertThat((String) result.getSingleEntry()).isEqualTo(band);
    }

    @Test
    void everyRuleRowOfEveryPolicyTableHasACase() {
        List<String> tested = Stream.concat(cases().map(arguments -> (String) arguments.get()[1]),
                bands().map(arguments -> (String) arguments.get()[1])).distinct().toList();
        List<String> rows = new ArrayList<>();
        decisions.values().stream().filter(decision -> !decision.getKey().equals("eligibility-policies"))
                .forEach(decision -> ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()
                        .forEach(rule -> rows.add(rule.getId())));

        assertThat(rows).hasSize(58);
        assertThat(tested).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void aPoorOldWomanLivingAloneFindsEveryPolicyWithAmountAndReason() {
        DmnDecisionResult policies = dmnEngine.evaluateDecision(decisions.get("eligibility-policies"),
                person("age=92,incomePerCapita=600.0,assetsPerCapita=3000.0,livingAlone=true,careLevel=2,"
                        + "hasSupporter=false,disabilityLevel=2,hardshipEvent=hospitalisation,hardshipDays=10"));

        assertThat(policies.getResultList()).extracting(r -> r.get("policy"), r -> r.get("status"), r -> r.get("amount"),
                r -> r.get("period"), r -> r.get("department"), r -> r.get("rule")).containsExactly(
                tuple("old-age", "eligible", 300.0, "monthly", "dept-civil-affairs", "Rule_OldAge_Nineties"),
                tuple("minimum-living", "eligible", 500.0, "monthly", "dept-civil-affairs", "Rule_MinimumLiving_BelowLine"),
                tuple("extreme-poverty", "eligible", 1430.0, "monthly", "dept-civil-affairs", "Rule_ExtremePoverty_Elderly"),
                tuple("disability-living", "eligible", 100.0, "monthly", "dept-disabled-persons", "Rule_DisabilityLiving_Severe"),
                tuple("disability-care", "eligible", 100.0, "monthly", "dept-disabled-persons", "Rule_DisabilityCare_LevelTwo"),
                tuple("home-care", "eligible", 400.0, "monthly", "dept-civil-affairs", "Rule_HomeCare_ModerateAlone"),
                tuple("temporary-assistance", "eligible", 2000.0, "once", "dept-civil-affairs", "Rule_TemporaryAssistance_Hospitalisation"));
        assertThat(policies.getResultList()).allSatisfy(r -> {
            assertThat((String) r.get("policyName")).matches("\\p{IsHan}+");
            assertThat((String) r.get("reason")).contains("：");
        });
    }

    @Test
    void aWorkingAgeResidentWithIncomeQualifiesForNothing() {
        assertThat(dmnEngine.evaluateDecision(decisions.get("eligibility-policies"), person("")).getResultList()).isEmpty();
    }

    @Test
    void aMissingBirthDateAsksForDataInsteadOfFailing() {
        DmnDecisionResult policies = dmnEngine.evaluateDecision(decisions.get("eligibility-policies"),
                person("age=null,incomePerCapita=null,assetsPerCapita=null,hasSupporter=null,careLevel=null"));

        assertThat(policies.getResultList()).extracting(r -> r.get("policy"), r -> r.get("status")).containsExactly(
                tuple("old-age", "needs-data"), tuple("minimum-living", "needs-data"),
                tuple("extreme-poverty", "needs-data"), tuple("home-care", "needs-data"));
        assertThat(policies.getResultList().get(0).get("reason")).asString().contains("出生日期");
    }

    @Test
    void theBirthdayAtEightyIsTheBoundaryOfTheAllowance() {
        assertThat(dmnEngine.evaluateDecision(decisions.get("eligibility-policies"), person("age=79")).getResultList())
                .isEmpty();
        assertThat(dmnEngine.evaluateDecision(decisions.get("eligibility-policies"), person("age=80")).getResultList())
                .extracting(r -> r.get("policy"), r -> r.get("amount")).containsExactly(tuple("old-age", 100.0));
    }
}
