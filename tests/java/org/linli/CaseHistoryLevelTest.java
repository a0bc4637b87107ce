package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * What the engine's history keeps at level {@code case}: full history minus copies nobody reads, personal data and
 * steps that say nothing the next step does not.
 */
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

    @Test
    void keepsEveryStepOfACaseButNotItsPassesThroughExclusiveGateways() {
        ProcessEngine engine = EngineConfigurationTest.inMemory("case-history-level",
                EngineConfiguration.caseHistoryLevel(Set.of(), Set.of(), Set.of())).setHistory(CaseHistoryLevel.NAME)
                .buildProcessEngine();
        try {
            BpmnModelInstance choice = Bpmn.createExecutableProcess("choice").camundaHistoryTimeToLive(1)
                    .startEvent("Start").exclusiveGateway("Gateway_Urgent")
                    .condition("urgent", "${urgent}").userTask("Task_Now").endEvent("End_Now")
                    .moveToLastGateway().condition("later", "${!urgent}").userTask("Task_Later").endEvent("End_Later")
                    .done();
            engine.getRepositoryService().createDeployment().addModelInstance("choice.bpmn", choice).deploy();

            String instance = engine.getRuntimeService().startProcessInstanceByKey("choice",
                    Map.of("urgent", true)).getId();
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());

            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list())
                    .extracting(HistoricActivityInstance::getActivityId)
                    .containsExactly("Start", "Task_Now", "End_Now");
        } finally {
            engine.close();
        }
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
