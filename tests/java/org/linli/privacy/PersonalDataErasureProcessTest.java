package org.linli.privacy;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.linli.privacy.PersonalDataErasureVariables.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.support.ProcessTestEngine;

/** {@code processes/personal-data-erasure.bpmn}: checked, reviewed by the community, then anonymised or not. */
@Deployment(resources = {"processes/personal-data-erasure.bpmn", "forms/personal-data-erasure-review.form"})
class PersonalDataErasureProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final PersonalDataErasure erasure = mock(PersonalDataErasure.class);

    @BeforeEach
    void register() {
        Mocks.register("checkErasureRequestDelegate", new CheckErasureRequestDelegate(erasure));
        Mocks.register("anonymiseResidentDelegate", new AnonymiseResidentDelegate(erasure));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anApprovedRequestAnonymisesTheResident() {
        when(erasure.reviewGroup(5L)).thenReturn("community-xh01");
        ProcessInstance instance = start(5L);

        assertThat(instance).isWaitingAt(REVIEW_TASK);
        assertThat(task()).hasCandidateGroup("community-xh01").hasCandidateGroup("supervisors");
        taskService().complete(task().getId(), Map.of(APPROVED, true, REVIEW_NOTE, "已核实身份"));

        assertThat(instance).isWaitingAt("Task_AnonymiseResident");
        execute(job());
        assertThat(instance).isEnded().hasPassedInOrder("Task_CheckRequest", REVIEW_TASK, "Task_AnonymiseResident",
                "End_Erased");
        verify(erasure).reviewGroup(5L);
        verify(erasure).anonymise(5L);
        verifyNoMoreInteractions(erasure);
    }

    @Test
    void aRejectedRequestChangesNothing() {
        when(erasure.reviewGroup(5L)).thenReturn("community-xh01");
        ProcessInstance instance = start(5L);

        assertThat(instance).isWaitingAt(REVIEW_TASK);
        taskService().complete(task().getId(), Map.of(APPROVED, false, REVIEW_NOTE, "低保在办，依法需保存"));

        assertThat(instance).isEnded().hasPassed("End_Rejected").hasNotPassed("Task_AnonymiseResident");
        verify(erasure).reviewGroup(5L);
        verifyNoMoreInteractions(erasure);
    }

    @Test
    void anUnknownOrMissingResidentEndsTheRequestWithoutReview() {
        ProcessInstance unknown = start(404L);
        assertThat(unknown).isEnded().hasPassed("End_UnknownResident").hasNotPassed(REVIEW_TASK);

        ProcessInstance missing = start(null);
        assertThat(missing).isEnded().hasPassed("End_UnknownResident");
        verify(erasure).reviewGroup(404L);
        verifyNoMoreInteractions(erasure);
    }

    private ProcessInstance start(Long residentId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(RESIDENT_ID, residentId);
        variables.put(REQUESTED_BY, "zhang.lan");
        variables.put(REASON, "搬离本市");
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, variables);
    }
}
