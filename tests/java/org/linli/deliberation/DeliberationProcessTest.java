package org.linli.deliberation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.linli.deliberation.DeliberationVariables.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.deliberation.DeliberationIntake.RegisteredTopic;
import org.linli.deliberation.DeliberationService.Implementation;
import org.linli.deliberation.DeliberationService.OpenedRound;
import org.linli.deliberation.DeliberationService.RoundOutcome;
import org.linli.deliberation.DeliberationService.SetUpDeliberationCommand;
import org.linli.support.ProcessTestEngine;
import org.mockito.InOrder;

/**
 * Every path of {@code processes/deliberation.bpmn} on the in-memory engine: the real delegates and the real
 * rules decision, the services behind them mocked, timers fired with {@code execute(job(..))}.
 */
@Deployment(resources = {
        "processes/deliberation.bpmn",
        "dmn/deliberation-rules.dmn",
        "forms/deliberation-propose.form",
        "forms/deliberation-screen.form",
        "forms/deliberation-amend.form",
        "forms/deliberation-implement.form"})
class DeliberationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String TOPIC = "YS-2026-000001";
    private static final String COMMUNITY = "community-xh01";
    private static final Date LATER = Date.from(Instant.parse("2030-01-10T09:00:00Z"));
    private static final RoundOutcome DECIDED = new RoundOutcome("DECIDED", "同意 8 票，不同意 1 票；参与 9/10 户，决议：同意", "同意");
    private static final RoundOutcome NO_DECISION = new RoundOutcome("NO_DECISION", "同意 5 票，不同意 4 票；参与 9/10 户，未形成决议", null);
    private static final RoundOutcome NO_QUORUM = new RoundOutcome("QUORUM_NOT_REACHED", "同意 3 票；参与 3/10 户，未达法定人数", null);

    ProcessEngine processEngine;

    private final DeliberationIntake intake = mock(DeliberationIntake.class);
    private final DeliberationService service = mock(DeliberationService.class);
    private final TopicStore topics = mock(TopicStore.class);

    @BeforeEach
    void registerDelegates() {
        init(processEngine);
        when(service.setUp(any())).thenReturn(10);
        when(service.openRound(anyString(), anyList())).thenAnswer(call -> new OpenedRound(
                roundsOpened++ + 1, LATER));
        when(service.openVoting(TOPIC)).thenReturn(LATER);
        when(service.extendVoting(TOPIC)).thenReturn(LATER);
        when(service.publishOutcome(TOPIC)).thenReturn(new Implementation(LATER, "2030-01-10 17:00", "同意"));
        when(service.recordImplementation(eq(TOPIC), anyString())).thenReturn(LATER);
        Mocks.register("checkScreeningListener", new CheckScreeningListener(topics));
        when(topics.load("YS-2026-000000")).thenReturn(openTopic("YS-2026-000000"));
        Mocks.register("registerTopicDelegate", new RegisterTopicDelegate(intake));
        Mocks.register("lapseTopicDelegate", new LapseTopicDelegate(service));
        Mocks.register("declineTopicDelegate", new DeclineTopicDelegate(service));
        Mocks.register("mergeTopicDelegate", new MergeTopicDelegate(service));
        Mocks.register("setUpDeliberationDelegate", new SetUpDeliberationDelegate(service));
        Mocks.register("openRoundDelegate", new OpenRoundDelegate(service));
        Mocks.register("openVotingDelegate", new OpenVotingDelegate(service));
        Mocks.register("tallyRoundDelegate", new TallyRoundDelegate(service));
        Mocks.register("extendVotingDelegate", new ExtendVotingDelegate(service));
        Mocks.register("closeRoundDelegate", new CloseRoundDelegate(service));
        Mocks.register("publishOutcomeDelegate", new PublishOutcomeDelegate(service));
        Mocks.register("publishNoDecisionDelegate", new PublishNoDecisionDelegate(service));
        Mocks.register("escalateImplementationDelegate", new EscalateImplementationDelegate(service));
        Mocks.register("recordImplementationDelegate", new RecordImplementationDelegate(service));
        Mocks.register("tallySatisfactionDelegate", new TallySatisfactionDelegate(service));
    }

    private int roundsOpened;

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void residentsTopicIsCoSignedAcceptedDecidedInRoundOneImplementedAndRated() {
        ProcessInstance pi = proposeByResident();
        assertThat(pi).hasBusinessKey(TOPIC).isWaitingAt("Gateway_AwaitCoSigning");

        runtimeService().createMessageCorrelation(MSG_CO_SIGNED).processInstanceBusinessKey(TOPIC).correlate();
        assertThat(pi).isWaitingAt("Task_ScreenTopic");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);
        assertDeployedForm(task(pi), "deliberation-screen");
        accept(pi, "elevator");
        assertThat(pi).variables().containsEntry(QUORUM_PERCENT, 67).containsEntry(MAJORITY_TYPE, "TWO_THIRDS_AREA")
                .containsEntry(MAX_ROUNDS, 3);

        runRound(pi, DECIDED, DECIDED);
        execute(job("Task_PublishOutcome", pi));
        assertThat(pi).isWaitingAt("Task_ImplementOutcome").variables().containsEntry(OUTCOME, "同意");
        assertThat(task(pi)).hasCandidateGroup("dept-housing").hasDueDate(LATER)
                ;
        assertDeployedForm(task(pi), "deliberation-implement");

        complete(task(pi), withVariables(IMPLEMENTATION_REPORT, "电梯已完成加装并通过验收"));
        execute(job("Task_RecordImplementation", pi));
        assertThat(pi).isWaitingAt("Event_SatisfactionVoteCloses");
        execute(job("Event_SatisfactionVoteCloses", pi));
        execute(job("Task_TallySatisfaction", pi));

        assertThat(pi).isEnded().hasPassedInOrder("Start_TopicProposed", "Task_RegisterTopic", "Event_CoSigned",
                "Task_ScreenTopic", "Task_DetermineRules", "Task_SetUpDeliberation", "Task_OpenRound",
                "Event_DiscussionEnds", "Task_OpenVoting", "Event_VotingCloses", "Task_TallyRound", "Task_CloseRound",
                "Task_PublishOutcome", "Task_ImplementOutcome", "Task_RecordImplementation", "Task_TallySatisfaction",
                "End_Concluded").hasNotPassed("Task_ExtendVoting", "Task_AmendOptions");
        InOrder order = inOrder(intake, service);
        order.verify(intake).register(any(ProposeTopicCommand.class), eq(pi.getId()));
        order.verify(service).setUp(new SetUpDeliberationCommand(TOPIC, "elevator", 67, "TWO_THIRDS_AREA", 3,
                List.of("wuye.zhang", "owners-committee-xh01"), "dept-housing"));
        order.verify(service).openRound(TOPIC, List.of("同意加装", "不同意加装"));
        order.verify(service).openVoting(TOPIC);
        order.verify(service).tally(TOPIC);
        order.verify(service).closeRound(TOPIC);
        order.verify(service).publishOutcome(TOPIC);
        order.verify(service).recordImplementation(TOPIC, "电梯已完成加装并通过验收");
        order.verify(service).conclude(TOPIC);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void proposalLapsesWhenTooFewHouseholdsCoSignInTime() {
        ProcessInstance pi = proposeByResident();
        execute(job("Event_CoSignWindowElapsed", pi));
        execute(job("Task_LapseTopic", pi));

        assertThat(pi).isEnded().hasPassed("End_Lapsed").hasNotPassed("Task_ScreenTopic");
        verify(intake).register(any(ProposeTopicCommand.class), eq(pi.getId()));
        verify(service).lapse(TOPIC);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void communityTopicSkipsCoSigningAndIsDeclinedWithAPublishedReason() {
        ProcessInstance pi = propose(false);
        assertThat(pi).isWaitingAt("Task_ScreenTopic").hasNotPassed("Event_CoSigned");

        complete(task(pi), withVariables(SCREENING_OUTCOME, "DECLINE", DECLINE_REASON, "属物业合同事项，请与物业协商"));
        execute(job("Task_DeclineTopic", pi));

        assertThat(pi).isEnded().hasPassed("End_Declined");
        verify(intake).register(any(ProposeTopicCommand.class), eq(pi.getId()));
        verify(service).decline(TOPIC, "属物业合同事项，请与物业协商");
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void duplicateTopicIsMerged() {
        ProcessInstance pi = propose(false);
        complete(task(pi), withVariables(SCREENING_OUTCOME, "MERGE", MERGE_INTO, "YS-2026-000000"));
        execute(job("Task_MergeTopic", pi));

        assertThat(pi).isEnded().hasPassed("End_Merged");
        verify(intake).register(any(ProposeTopicCommand.class), eq(pi.getId()));
        verify(service).merge(TOPIC, "YS-2026-000000");
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void missedQuorumRemindsAndExtendsTheVoteOnceThenDecides() {
        ProcessInstance pi = propose(false);
        accept(pi, "parking");
        assertThat(pi).variables().containsEntry(MAJORITY_TYPE, "TWO_THIRDS").containsEntry(QUORUM_PERCENT, 50);

        runRound(pi, NO_QUORUM, null);
        execute(job("Task_ExtendVoting", pi));
        assertThat(pi).isWaitingAt("Event_VotingCloses").variables().containsEntry(EXTENDED, true);
        when(service.tally(TOPIC)).thenReturn(DECIDED);
        when(service.closeRound(TOPIC)).thenReturn(DECIDED);
        execute(job("Event_VotingCloses", pi));
        execute(job("Task_TallyRound", pi));
        execute(job("Task_CloseRound", pi));
        execute(job("Task_PublishOutcome", pi));

        assertThat(pi).isWaitingAt("Task_ImplementOutcome").variables().containsEntry(ROUND_NUMBER, 1);
        verify(service, times(1)).extendVoting(TOPIC);
        verify(service, times(2)).tally(TOPIC);
        verify(service, times(1)).closeRound(TOPIC);
    }

    @Test
    void missedQuorumAfterTheExtensionClosesTheRoundWithoutExtendingAgain() {
        ProcessInstance pi = propose(false);
        accept(pi, "public-space");
        runRound(pi, NO_QUORUM, null);
        execute(job("Task_ExtendVoting", pi));
        when(service.closeRound(TOPIC)).thenReturn(NO_QUORUM);
        execute(job("Event_VotingCloses", pi));
        execute(job("Task_TallyRound", pi));
        execute(job("Task_CloseRound", pi));

        assertThat(pi).isWaitingAt("Task_AmendOptions");
        verify(service, times(1)).extendVoting(TOPIC);
    }

    @Test
    void noDecisionAfterTheMaximumNumberOfRoundsEndsTheTopic() {
        ProcessInstance pi = propose(false);
        accept(pi, "public-space"); // two rounds at most
        runRound(pi, NO_DECISION, NO_DECISION);
        assertThat(pi).isWaitingAt("Task_AmendOptions");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);
        assertDeployedForm(task(pi), "deliberation-amend");
        complete(task(pi), withVariables(OPTIONS, "白天开放\n全天开放\n不开放"));
        runRound(pi, NO_DECISION, NO_DECISION);
        execute(job("Task_PublishNoDecision", pi));

        assertThat(pi).isEnded().hasPassed("End_NoDecision").hasNotPassed("Task_PublishOutcome")
                .variables().containsEntry(ROUND_NUMBER, 2);
        verify(service).openRound(TOPIC, List.of("同意加装", "不同意加装"));
        verify(service).openRound(TOPIC, List.of("白天开放", "全天开放", "不开放"));
        verify(service, times(2)).closeRound(TOPIC);
        verify(service).publishNoDecision(TOPIC);
        verify(service, times(0)).publishOutcome(anyString());
    }

    @Test
    void overdueImplementationIsEscalatedAndTheTaskStays() {
        ProcessInstance pi = propose(false);
        accept(pi, "other");
        runRound(pi, DECIDED, DECIDED);
        execute(job("Task_PublishOutcome", pi));

        execute(job("Event_ImplementationOverdue", pi));
        execute(job("Task_EscalateImplementation", pi));
        assertThat(pi).hasPassed("End_Escalated").isWaitingAt("Task_ImplementOutcome");
        verify(service).escalateImplementation(TOPIC);

        complete(task(pi), withVariables(IMPLEMENTATION_REPORT, "已划定晾晒区"));
        execute(job("Task_RecordImplementation", pi));
        assertThat(pi).isWaitingAt("Event_SatisfactionVoteCloses");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertDeployedForm(Task task, String formId) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"" + formId + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessInstance proposeByResident() {
        return propose(true);
    }

    private ProcessInstance propose(boolean needsCoSigning) {
        when(intake.register(any(ProposeTopicCommand.class), anyString())).thenReturn(
                new RegisteredTopic(TOPIC, COMMUNITY, needsCoSigning, needsCoSigning ? LATER : null, 1));
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, Map.of(TITLE, "3栋2单元加装电梯",
                DESCRIPTION, "老人上下楼困难", TOPIC_TYPE, "elevator", COMMUNITY_CODE, "xh01",
                AFFECTED_AREA, "xh01-01/幸福路12号/3/2"));
    }

    @Test
    void aScreeningTasklistCannotCheckIsRefusedAndTheTaskStays() {
        ProcessInstance pi = propose(false);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(
                SCREENING_OUTCOME, "ACCEPT", TOPIC_TYPE, "elevator", OPTIONS, "同意加装", RESPONSIBLE_GROUP,
                "dept-housing"))).hasMessageContaining("2 to");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(
                SCREENING_OUTCOME, "DECLINE", DECLINE_REASON, " "))).hasMessageContaining("reason");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(
                SCREENING_OUTCOME, "ACCEPT", TOPIC_TYPE, "rocket", OPTIONS, "甲\n乙", RESPONSIBLE_GROUP, "x")))
                .hasMessageContaining("Unknown topic type");

        assertThat(pi).isWaitingAt("Task_ScreenTopic");
        verify(service, never()).setUp(any());
    }

    private static Topic openTopic(String number) {
        return new Topic(number, "pi", "题", "述", "parking", "xh01", "xh01-01", "liu.yang", false,
                Topic.Status.DELIBERATING, null, null, null, null, null, null, null, null, null, false, null, null,
                null);
    }

    private void accept(ProcessInstance pi, String topicType) {
        complete(task(pi), withVariables(SCREENING_OUTCOME, "ACCEPT", TOPIC_TYPE, topicType,
                OPTIONS, "同意加装\n不同意加装", REPRESENTATIVES, "wuye.zhang, owners-committee-xh01",
                RESPONSIBLE_GROUP, "dept-housing"));
        execute(job("Task_SetUpDeliberation", pi));
    }

    /** Runs one round from its opening to the close; {@code closed} null stops after the tally. */
    private void runRound(ProcessInstance pi, RoundOutcome tallied, RoundOutcome closed) {
        when(service.tally(TOPIC)).thenReturn(tallied);
        if (closed != null) {
            when(service.closeRound(TOPIC)).thenReturn(closed);
        }
        execute(job("Task_OpenRound", pi));
        execute(job("Event_DiscussionEnds", pi));
        execute(job("Task_OpenVoting", pi));
        execute(job("Event_VotingCloses", pi));
        execute(job("Task_TallyRound", pi));
        if (closed != null) {
            execute(job("Task_CloseRound", pi));
        }
    }
}
