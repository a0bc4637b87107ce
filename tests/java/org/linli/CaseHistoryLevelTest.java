package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;

/** What the engine's history keeps at level {@code case}: full history minus copies nobody reads and personal data. */
class CaseHistoryLevelTest {

    final CaseHistoryLevel level = new CaseHistoryLevel(Set.of("reporterPhone", "slaDuration"),
            Set.of("alarm-escalation-chain"));

    @Test
    void keepsDecisionsAboutPeopleAndCasesButNotLookupsByName() {
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, decision("alarm-severity")))
                .isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, decision("grievance-routing")))
                .isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE,
                decision("alarm-escalation-chain"))).isFalse();
    }

    @Test
    void keepsTheLatestValueOfVariablesButNeitherPersonalNorWorkingOnesNorEveryChange() {
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, variable("caseNumber")))
                .isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, variable("reporterPhone")))
                .isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, variable("slaDuration")))
                .isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
                variable("caseNumber"))).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_START, null)).isTrue();
    }

    private static DecisionDefinitionEntity decision(String key) {
        DecisionDefinitionEntity decision = new DecisionDefinitionEntity();
        decision.setKey(key);
        return decision;
    }

    private static VariableInstanceEntity variable(String name) {
        VariableInstanceEntity variable = new VariableInstanceEntity();
        variable.setName(name);
        return variable;
    }
}
