package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.support.DecisionTables;

/** dmn/alarm-severity.dmn, rule by rule, on the standalone DMN engine. */
class AlarmSeverityDecisionTest {

    private static final DecisionTables tables = DecisionTables.of("dmn/alarm-severity.dmn");

    @ParameterizedTest(name = "{0} at {1} with {2} -> {3} via {4}")
    @CsvSource({
            "smoke,          home,     elderly_alone, critical, vulnerable-home, true",
            "smoke,          home,     disabled,      critical, vulnerable-home, true",
            "smoke,          home,     general,       critical, home,            true",
            "smoke,          building, none,          high,     building,        true",
            "gas,            public,   elderly_alone, critical, vulnerable-home, true",
            "gas,            home,     general,       critical, home,            true",
            "fall,           home,     elderly,       critical, vulnerable-home, true",
            "fall,           home,     general,       high,     home,            true",
            "no_motion,      home,     elderly_alone, critical, vulnerable-home, true",
            "no_motion,      home,     elderly,       high,     home,            false",
            "no_motion,      home,     general,       low,      building,        false",
            "no_motion,      public,   elderly_alone, low,      building,        false",
            "water_leak,     home,     elderly_alone, medium,   home,            false",
            "water_leak,     building, none,          medium,   facility,        false",
            "elevator_fault, public,   none,          high,     facility,        true",
            "door_open,      home,     elderly_alone, high,     vulnerable-home, false",
            "door_open,      home,     general,       low,      facility,        false",
            "offline,        home,     disabled,      high,     home,            false",
            "offline,        public,   none,          low,      facility,        false",
            "unheard_of,     public,   none,          medium,   building,        true"})
    void decidesSeverityChainAndCheck(String type, String location, String occupants, String level, String chainName,
            boolean check) {
        DmnDecisionResult result = tables.evaluate("alarm-severity", Variables.createVariables()
                .putValue("alarmType", type).putValue("locationKind", location).putValue("occupants", occupants));

        assertThat(result.getSingleResult().getEntryMap()).containsEntry("severityLevel", level)
                .containsEntry("chain", chainName).containsEntry("needsCheckOnClear", check);
    }

    @Test
    void theChainOfAVulnerableHomeIsGridWorkerThenDutyThenStreetWithinTenTenThirtyMinutes() {
        DmnDecisionResult result = tables.evaluate("alarm-escalation-chain", Variables.createVariables()
                .putValue("chain", "vulnerable-home"));

        assertThat(result.getResultList()).containsExactly(
                Map.of("level", 1, "role", "grid-worker", "ackMinutes", 10),
                Map.of("level", 2, "role", "community-duty", "ackMinutes", 10),
                Map.of("level", 3, "role", "street-emergency", "ackMinutes", 30));
        assertThat(EscalationChain.of(result).text()).isEqualTo("grid-worker:10,community-duty:10,street-emergency:30");
    }

    @Test
    void aChainNameTheTableDoesNotKnowStillReachesTheCommunity() {
        assertThat(EscalationChain.of(tables.evaluate("alarm-escalation-chain", Variables.createVariables()
                .putValue("chain", "renamed-by-mistake"))).text()).isEqualTo("community-duty:30");
    }

    /** What the process does: the severity decision names the chain, the chain decision lists its levels. */
    @Test
    void everyAssessmentLeadsToAChainThatStartsAtLevelOneWithKnownRoles() {
        for (String type : List.of("smoke", "gas", "fall", "no_motion", "water_leak", "elevator_fault", "door_open",
                "offline", "other")) {
            for (String location : List.of("home", "building", "public")) {
                for (String occupants : List.of("elderly_alone", "elderly", "disabled", "general", "none")) {
                    Object chain = tables.evaluate("alarm-severity", Variables.createVariables()
                            .putValue("alarmType", type).putValue("locationKind", location)
                            .putValue("occupants", occupants)).getSingleResult().get("chain");
                    DmnDecisionResult levels = tables.evaluate("alarm-escalation-chain",
                            Variables.createVariables().putValue("chain", chain));
                    assertThat(levels.getResultList()).isNotEmpty();
                    assertThat(levels.getResultList().get(0)).containsEntry("level", 1);
                    assertThat(EscalationChain.parse(EscalationChain.of(levels).text()).size())
                            .isEqualTo(levels.getResultList().size());
                }
            }
        }
    }
}
