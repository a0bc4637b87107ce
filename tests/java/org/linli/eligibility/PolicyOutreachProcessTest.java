package org.linli.eligibility;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.linli.eligibility.PolicyOutreachVariables.ANSWER;
import static org.linli.eligibility.PolicyOutreachVariables.APPROVED;
import static org.linli.eligibility.PolicyOutreachVariables.COMMUNITY_GROUP;
import static org.linli.eligibility.PolicyOutreachVariables.CONTINUE_BENEFIT;
import static org.linli.eligibility.PolicyOutreachVariables.DEPARTMENT_GROUP;
import static org.linli.eligibility.PolicyOutreachVariables.MATCH_ID;
import static org.linli.eligibility.PolicyOutreachVariables.POLICY_NAME;
import static org.linli.eligibility.PolicyOutreachVariables.PROCESS_ID;
import static org.linli.eligibility.PolicyOutreachVariables.REASON;
import static org.linli.eligibility.PolicyOutreachVariables.RESIDENT_USER_ID;
import static org.linli.eligibility.PolicyOutreachVariables.REVIEW_MESSAGE;
import static org.linli.eligibility.PolicyOutreachVariables.VERIFIED;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.support.ProcessTestEngine;
import org.mockito.InOrder;

/**
 * Every path of {@code processes/policy-outreach.bpmn} on the plain in-memory engine: confirm and grant, decline,
 * ask for help, no answer (reminders, then the window closes), department rejects, clerk finds the match wrong, and
 * the review after a data change (continue or stop). The delegates are real; {@link PolicyOutreach} is a mock, so each
 * test shows which outcome the process recorded. Timers run through {@code execute(job)}.
 */
@Deployment(resources = {
        "processes/policy-outreach.bpmn",
        "forms/policy-outreach-verify.form",
        "forms/policy-outreach-offer.form",
        "forms/policy-outreach-help.form",
        "forms/policy-outreach-decide.form",
        "forms/policy-outreach-review.form"})
class PolicyOutreachProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final long MATCH = 42L;
    private static final String COMMUNITY = "community-xh01";
    private static final String CIVIL_AFFAIRS = "dept-civil-affairs";
    private static final String RESIDENT = "zhang.lan";

    ProcessEngine processEngine;

    private final PolicyOutreach outreach = mock(PolicyOutreach.class);

    @BeforeEach
    void registerDelegates() {
        init(processEngine);
        Mocks.register("recordOutreachOutcomeDelegate", new RecordOutreachOutcomeDelegate(outreach));
        Mocks.register("remindResidentDelegate", new RemindResidentDelegate(outreach));
        Mocks.register("eligibilityProperties", new EligibilityProperties(1100, 26400, 1650, Duration.ofDays(180),
                Duration.ofDays(7), Duration.ofDays(21), 2, 5000, 200, ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void residentConfirmsAndTheDepartmentGrants() {
        ProcessInstance pi = start();
        assertThat(pi).hasBusinessKey("ELG-42").isWaitingAt("Task_VerifyMatch");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);
        Assertions.assertThat(deployedForm(task(pi).getId())).contains("\"id\": \"policy-outreach-verify\"")
                .contains("{{policyName}}");

        complete(task(pi), withVariables(VERIFIED, true));
        assertThat(pi).isWaitingAt("Task_AnswerOffer");
        assertThat(task(pi)).isAssignedTo(RESIDENT);
        Assertions.assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
                .as("clerks can answer for residents who call or visit")
                .anySatisfy(link -> Assertions.assertThat(link.getGroupId()).isEqualTo(COMMUNITY));
        Assertions.assertThat(deployedForm(task(pi).getId())).contains("\"id\": \"policy-outreach-offer\"")
                .contains("\"confirm\"").contains("\"decline\"").contains("\"help\"");

        complete(task(pi), withVariables(ANSWER, "confirm"));
        assertThat(pi).isWaitingAt("Task_DepartmentDecision");
        assertThat(task(pi)).hasCandidateGroup(CIVIL_AFFAIRS);

        complete(task(pi), withVariables(APPROVED, true));
        assertThat(pi).hasPassedInOrder("Task_VerifyMatch", "Task_AnswerOffer", "Task_DepartmentDecision",
                "Task_RecordGranted").isEnded();
        assertThat(pi).hasPassed("End_Granted");
        verify(outreach).recordOutcome(MATCH, "granted");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void residentDeclines() {
        ProcessInstance pi = startAndVerify();

        complete(task(pi), withVariables(ANSWER, "decline"));

        assertThat(pi).hasPassed("Task_RecordDeclined", "End_Declined").hasNotPassed("Task_DepartmentDecision").isEnded();
        verify(outreach).recordOutcome(MATCH, "declined");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void residentAsksForHelpAndThenConfirms() {
        ProcessInstance pi = startAndVerify();

        complete(task(pi), withVariables(ANSWER, "help"));
        assertThat(pi).isWaitingAt("Task_HelpResident");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);

        complete(task(pi), withVariables("helpNote", "已上门说明，协助准备户口簿和收入证明"));
        assertThat(pi).isWaitingAt("Task_AnswerOffer");
        complete(task(pi), withVariables(ANSWER, "confirm"));

        assertThat(pi).isWaitingAt("Task_DepartmentDecision");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void unansweredOfferIsRecalledAndThenClosesAsNoAnswer() {
        ProcessInstance pi = startAndVerify();
        Job reminder = timer(pi, "Timer_Reminder");
        Assertions.assertThat(timer(pi, "Timer_OfferWindow")).isNotNull();

        execute(reminder);
        execute(job("Task_RemindResident", pi));
        assertThat(pi).isWaitingAt("Task_AnswerOffer").hasPassed("End_Reminded");
        execute(timer(pi, "Timer_Reminder"));
        execute(job("Task_RemindResident", pi));
        verify(outreach, times(2)).remindResident(MATCH);

        execute(timer(pi, "Timer_OfferWindow"));

        assertThat(pi).hasPassed("Task_RecordNoAnswer", "End_NoAnswer").isEnded();
        InOrder order = inOrder(outreach);
        order.verify(outreach, times(2)).remindResident(MATCH);
        order.verify(outreach).recordOutcome(MATCH, "no-answer");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void departmentRejects() {
        ProcessInstance pi = startAndVerify();
        complete(task(pi), withVariables(ANSWER, "confirm"));

        complete(task(pi), withVariables(APPROVED, false, "decisionNote", "收入证明与登记不符"));

        assertThat(pi).hasPassed("Task_RecordRejected", "End_Rejected").hasNotPassed("Task_RecordGranted").isEnded();
        verify(outreach).recordOutcome(MATCH, "rejected");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void clerkFindsTheMatchWrongAndTheResidentIsNotBothered() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables(VERIFIED, false));

        assertThat(pi).hasPassed("Task_RecordNotVerified", "End_NotVerified").hasNotPassed("Task_AnswerOffer").isEnded();
        verify(outreach).recordOutcome(MATCH, "not-verified");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void aBenefitThatNoLongerMatchesIsReviewedAndStoppedOnlyByAClerk() {
        ProcessInstance pi = review();
        assertThat(pi).isWaitingAt("Task_ReviewBenefit");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);
        verifyNoMoreInteractions(outreach);

        complete(task(pi), withVariables(CONTINUE_BENEFIT, false, "reviewNote", "收入已超过低保标准，已告知本人"));

        assertThat(pi).hasPassed("Task_RecordStopped", "End_Stopped").isEnded();
        verify(outreach).recordOutcome(MATCH, "stopped");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void aReviewMayKeepTheBenefit() {
        ProcessInstance pi = review();

        complete(task(pi), withVariables(CONTINUE_BENEFIT, true, "reviewNote", "收入为一次性补发，不影响资格"));

        assertThat(pi).hasPassed("Task_RecordContinued", "End_Continued").isEnded();
        verify(outreach).recordOutcome(MATCH, "granted");
        verifyNoMoreInteractions(outreach);
    }

    @Test
    void residentWithoutAccountIsAnsweredForByTheCommunity() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "ELG-42",
                variables().putValue(RESIDENT_USER_ID, null));
        complete(task(pi), withVariables(VERIFIED, true));

        assertThat(task(pi)).isNotAssigned().hasCandidateGroup(COMMUNITY);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, "ELG-42", variables());
    }

    private ProcessInstance startAndVerify() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables(VERIFIED, true));
        assertThat(pi).isWaitingAt("Task_AnswerOffer");
        return pi;
    }

    private ProcessInstance review() {
        return runtimeService().createMessageCorrelation(REVIEW_MESSAGE).processInstanceBusinessKey("ELG-42")
                .setVariables(variables()).correlateStartMessage();
    }

    private static org.camunda.bpm.engine.variable.VariableMap variables() {
        return Variables.createVariables().putValue(MATCH_ID, MATCH).putValue(RESIDENT_USER_ID, RESIDENT)
                .putValue(COMMUNITY_GROUP, COMMUNITY).putValue(DEPARTMENT_GROUP, CIVIL_AFFAIRS)
                .putValue(POLICY_NAME, "最低生活保障").putValue(REASON, "家庭月人均收入低于低保标准、财产符合规定：按差额补足")
                .putValue("amount", 500.0).putValue("period", "每月");
    }

    private String deployedForm(String taskId) {
        try (java.io.InputStream form = processEngine.getFormService().getDeployedTaskForm(taskId)) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        Job timer = timerOrNull(pi, activityId);
        Assertions.assertThat(timer).as(activityId).isNotNull();
        return timer;
    }

    private static Job timerOrNull(ProcessInstance pi, String activityId) {
        List<Job> timers = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(activityId).list();
        return timers.isEmpty() ? null : timers.get(0);
    }
}
