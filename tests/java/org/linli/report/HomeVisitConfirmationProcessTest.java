package org.linli.report;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.security.EngineActors;
import org.linli.support.ProcessTestEngine;

/** {@code processes/home-visit-confirmation.bpmn}: one task for the community, the ticked changes applied. */
@Deployment(resources = {"processes/home-visit-confirmation.bpmn", "forms/home-visit-confirmation-confirm.form"})
class HomeVisitConfirmationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    ProcessEngine processEngine;

    private final HomeVisits visits = mock(HomeVisits.class);

    @BeforeEach
    void register() {
        Mocks.register("confirmHomeVisitDelegate", new ConfirmHomeVisitDelegate(visits,
                new EngineActors(processEngine.getIdentityService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        processEngine.getIdentityService().clearAuthentication();
    }

    @Test
    void theCommunityTicksOneOfTwoChangesAndOnlyThatOneIsApplied() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_ConfirmChanges");
        assertThat(task()).hasCandidateGroup("community-xh01");

        processEngine.getIdentityService().setAuthenticatedUserId("wang.fang");
        // Tasklist sends the checklist as a JSON array
        taskService().complete(task().getId(), Map.of(HomeVisitVariables.ACCEPTED_CHANGES, "[\"11\"]"));

        assertThat(instance).isEnded().hasPassed("Task_ApplyChanges");
        verify(visits).confirm(eq(5L), eq(List.of("11")), eq("wang.fang"));
        verifyNoMoreInteractions(visits);
    }

    @Test
    void nothingTickedRejectsEverything() throws Exception {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_ConfirmChanges");

        taskService().complete(task().getId(), Map.of(HomeVisitVariables.ACCEPTED_CHANGES, List.of()));

        assertThat(instance).isEnded();
        verify(visits).confirm(eq(5L), eq(List.of()), eq("system"));
        Assertions.assertThat(ConfirmHomeVisitDelegate.ids(null)).isEmpty();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(HomeVisits.PROCESS_ID, "HV-5", Map.of(
                HomeVisitVariables.VISIT_ID, 5L, HomeVisitVariables.COMMUNITY_GROUP, "community-xh01",
                HomeVisitVariables.RESIDENT_LABEL, "刘*（居民编号 1）",
                HomeVisitVariables.CHANGE_OPTIONS, List.of(Map.of("label", "联系电话", "value", "11"),
                        Map.of("label", "残疾等级", "value", "12"))));
    }
}
