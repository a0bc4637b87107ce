package org.linli.grievance;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.linli.grievance.GrievanceHandlingVariables.ADDRESS;
import static org.linli.grievance.GrievanceHandlingVariables.BOUNCE_REASON;
import static org.linli.grievance.GrievanceHandlingVariables.CATEGORY;
import static org.linli.grievance.GrievanceHandlingVariables.CHANNEL;
import static org.linli.grievance.GrievanceHandlingVariables.COMMUNITY_CODE;
import static org.linli.grievance.GrievanceHandlingVariables.COPY_STREET;
import static org.linli.grievance.GrievanceHandlingVariables.DESCRIPTION;
import static org.linli.grievance.GrievanceHandlingVariables.DUE_DATE;
import static org.linli.grievance.GrievanceHandlingVariables.DUE_DATE_TEXT;
import static org.linli.grievance.GrievanceHandlingVariables.DUPLICATE_OPTIONS;
import static org.linli.grievance.GrievanceHandlingVariables.HANDLER_GROUP;
import static org.linli.grievance.GrievanceHandlingVariables.HANDLER_GROUP_NAME;
import static org.linli.grievance.GrievanceHandlingVariables.HANDLE_OUTCOME;
import static org.linli.grievance.GrievanceHandlingVariables.HAS_DUPLICATES;
import static org.linli.grievance.GrievanceHandlingVariables.MEASURES;
import static org.linli.grievance.GrievanceHandlingVariables.MERGE_INTO;
import static org.linli.grievance.GrievanceHandlingVariables.PHOTO_REFS;
import static org.linli.grievance.GrievanceHandlingVariables.PROCESS_ID;
import static org.linli.grievance.GrievanceHandlingVariables.RATING;
import static org.linli.grievance.GrievanceHandlingVariables.RATING_COMMENT;
import static org.linli.grievance.GrievanceHandlingVariables.REJECT_REASON;
import static org.linli.grievance.GrievanceHandlingVariables.REMINDER_DATE;
import static org.linli.grievance.GrievanceHandlingVariables.REOPEN_COUNT;
import static org.linli.grievance.GrievanceHandlingVariables.REPORTER_PHONE;
import static org.linli.grievance.GrievanceHandlingVariables.REPORTER_USER_ID;
import static org.linli.grievance.GrievanceHandlingVariables.SLA_DURATION;
import static org.linli.grievance.GrievanceHandlingVariables.SLA_WORKING_DAYS;
import static org.linli.grievance.GrievanceHandlingVariables.SOLVED;
import static org.linli.grievance.GrievanceHandlingVariables.SUB_CATEGORY;
import static org.linli.grievance.GrievanceHandlingVariables.SUPERVISOR_COMMENT;
import static org.linli.grievance.GrievanceHandlingVariables.SUPERVISOR_DECISION;
import static org.linli.grievance.GrievanceHandlingVariables.URGENCY;
import static org.linli.grievance.GrievanceHandlingVariables.VERIFY_OUTCOME;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.security.EngineActors;
import org.linli.support.ProcessTestEngine;
import org.linli.grievance.GrievanceIntake.RegisteredCase;
import org.mockito.InOrder;
import org.springframework.util.unit.DataSize;

/**
 * Every path of {@code processes/grievance-handling.bpmn} on a plain in-memory engine ({@link ProcessTestEngine}).
 * The delegates are the real ones; the services behind them are mocks, so each test shows exactly which steps of the
 * case the process asked for, in which order. Jobs and timers run through {@code execute(job(..))}, never by waiting.
 */
@Deployment(resources = {
        "processes/grievance-handling.bpmn",
        "dmn/grievance-routing.dmn",
        "forms/grievance-handling-intake.form",
        "forms/grievance-handling-verify.form",
        "forms/grievance-handling-handle.form",
        "forms/grievance-handling-supervise.form",
        "forms/grievance-handling-reclassify.form",
        "forms/grievance-handling-assign.form",
        "forms/grievance-handling-rate.form",
        "forms/grievance-handling-check.form",
        "forms/grievance-handling-supervise-unresolved.form"})
class GrievanceHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String CASE = "GR-2026-000001";
    private static final String RESIDENT = "resident-1";
    private static final String COMMUNITY = "community-xh01";
    private static final String SUPERVISORS = "supervisors";
    private static final String ENVIRONMENT = "dept-environment";
    private static final String ADDRESS_TEXT = "示范县新华街道新华社区幸福路12号3栋2单元501室";
    private static final Date DUE = Date.from(Instant.parse("2030-01-10T09:00:00Z"));
    private static final Date REMIND = Date.from(Instant.parse("2030-01-09T09:00:00Z"));

    ProcessEngine processEngine;

    private final GrievanceService service = mock(GrievanceService.class);
    private final GrievanceIntake intake = mock(GrievanceIntake.class);
    private final GrievanceTimeline timeline = mock(GrievanceTimeline.class);

    @BeforeEach
    void registerDelegates() {
        init(processEngine);
        when(intake.register(any(FileGrievanceCommand.class), anyString()))
                .thenAnswer(call -> new RegisteredCase(CASE,
                        call.getArgument(0, FileGrievanceCommand.class).reporterUserId(), ADDRESS_TEXT, COMMUNITY, SUPERVISORS));
        when(service.dispatch(anyString(), anyString(), anyString(), anyBoolean(), anyBoolean())).thenReturn(new Dispatch(DUE, REMIND, "2026-11-26 10:00", "环境卫生所"));
        Mocks.register("registerGrievanceDelegate", new RegisterGrievanceDelegate(intake));
        Mocks.register("recordTaskCompletionListener", new RecordTaskCompletionListener(timeline, new EngineActors(engine.getIdentityService())));
        Mocks.register("findDuplicatesDelegate", new FindDuplicatesDelegate(service));
        Mocks.register("rejectGrievanceDelegate", new RejectGrievanceDelegate(service));
        Mocks.register("mergeGrievanceDelegate", new MergeGrievanceDelegate(service));
        Mocks.register("dispatchGrievanceDelegate", new DispatchGrievanceDelegate(service));
        Mocks.register("remindHandlerDelegate", new RemindHandlerDelegate(service));
        Mocks.register("flagOverdueDelegate", new FlagOverdueDelegate(service));
        Mocks.register("recordBounceDelegate", new RecordBounceDelegate(service));
        Mocks.register("recordHandlingDelegate", new RecordHandlingDelegate(service));
        Mocks.register("recordRatingDelegate", new RecordRatingDelegate(service));
        Mocks.register("reopenGrievanceDelegate", new ReopenGrievanceDelegate(service));
        // the closing tasks call the service with their way of closing: ${grievanceService.close(caseNumber, ..)}
        Mocks.register("grievanceService", service);
        Mocks.register("grievanceProperties",
                new GrievanceProperties(Duration.ofDays(7), Duration.ofDays(30), 2000, ZoneId.of("Asia/Shanghai"),
                        new GrievanceProperties.Photos(DataSize.ofMegabytes(5), 9, Duration.ofDays(1))));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    // ------------------------------------------------------------------------------------------------ happy path

    @Test
    void satisfiedResidentClosesTheCaseAsResolved() {
        ProcessInstance pi = start("environment", "garbage", "NORMAL", RESIDENT);
        assertThat(pi).hasBusinessKey(CASE).isWaitingAt("Task_FindDuplicates");
        Assertions.assertThat(deployedForm(formService().getDeployedStartForm(pi.getProcessDefinitionId())))
                .contains("\"id\": \"grievance-handling-intake\"");

        execute(job("Task_FindDuplicates", pi));
        assertThat(pi).isWaitingAt("Task_VerifyReport").variables()
                .doesNotContainKeys(HAS_DUPLICATES, DUPLICATE_OPTIONS);
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);
        assertDeployedForm(task(pi), "grievance-handling-verify");

        complete(task(pi), withVariables(VERIFY_OUTCOME, "ACCEPT"));
        assertThat(pi).hasPassed("Task_RouteGrievance").isWaitingAt("Task_ScheduleDeadline").variables()
                .containsEntry(HANDLER_GROUP, ENVIRONMENT).containsEntry(SLA_DURATION, "P3D")
                .containsEntry(SLA_WORKING_DAYS, true).containsEntry(COPY_STREET, false);

        execute(job("Task_ScheduleDeadline", pi));
        assertThat(pi).isWaitingAt("Task_HandleGrievance").variables()
                .containsEntry(DUE_DATE, DUE).containsEntry(REMINDER_DATE, REMIND)
                .containsEntry(DUE_DATE_TEXT, "2026-11-26 10:00").containsEntry(HANDLER_GROUP_NAME, "环境卫生所");
        assertThat(task(pi)).hasCandidateGroup(ENVIRONMENT).hasDueDate(DUE);
        Assertions.assertThat(task(pi).getFollowUpDate()).isEqualTo(REMIND);
        assertDeployedForm(task(pi), "grievance-handling-handle");

        complete(task(pi), withVariables(HANDLE_OUTCOME, "DONE", MEASURES, "已清运垃圾并消杀", PHOTO_REFS, " p-1, ,p-2 "));
        execute(job("Task_RecordHandling", pi));
        assertThat(pi).isWaitingAt("Task_RateHandling");
        assertThat(task(pi)).isAssignedTo(RESIDENT).hasCandidateGroupAssociated(COMMUNITY);
        assertDeployedForm(task(pi), "grievance-handling-rate");

        complete(task(pi), withVariables(RATING, 5, SOLVED, true, RATING_COMMENT, "很及时"));
        execute(job("Task_RecordRating", pi));
        assertThat(pi).isWaitingAt("Task_CheckAndClose");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);
        assertDeployedForm(task(pi), "grievance-handling-check");

        complete(task(pi)); // the form insists on the "checked" tick; the process does not read it
        execute(job("Task_ArchiveCase", pi));

        assertThat(pi).isEnded().hasPassedInOrder("Start_GrievanceReceived", "Task_RegisterGrievance",
                "Task_FindDuplicates", "Task_VerifyReport", "Task_RouteGrievance", "Task_ScheduleDeadline",
                "Task_HandleGrievance", "Task_RecordHandling", "Task_RateHandling", "Task_RecordRating",
                "Task_CheckAndClose", "Task_ArchiveCase", "End_Closed");
        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        inOrder.verify(service).recordHandling(CASE, "已清运垃圾并消杀", List.of("p-1", "p-2"));
        inOrder.verify(service).recordRating(CASE, 5, true, "很及时");
        inOrder.verify(service).close(CASE, Closure.RESOLVED);
        verifyNoMoreInteractions(intake, service);
        InOrder steps = inOrder(timeline);
        for (String task : List.of("核实立案", "办理诉求", "评价办理结果", "核查结案")) {
            steps.verify(timeline).taskCompleted(eq(CASE), eq(task), anyString());
        }
        verifyNoMoreInteractions(timeline);
    }

    @Test
    void publicSafetyEmergencyIsRoutedByTheDecisionWithClockHoursAndCopiedToTheStreet() {
        ProcessInstance pi = start("public-safety", "fire-exit", "URGENT", RESIDENT);
        execute(job("Task_FindDuplicates", pi));
        complete(task(pi), withVariables(VERIFY_OUTCOME, "ACCEPT"));

        assertThat(pi).variables().containsEntry(HANDLER_GROUP, "dept-safety").containsEntry(SLA_DURATION, "PT24H")
                .containsEntry(SLA_WORKING_DAYS, false).containsEntry(COPY_STREET, true);
        execute(job("Task_ScheduleDeadline", pi));
        assertThat(task(pi)).hasCandidateGroup("dept-safety");
        verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        verify(service).findDuplicateCandidates(CASE);
        verify(service).dispatch(CASE, "dept-safety", "PT24H", false, true);
        verifyNoMoreInteractions(intake, service);
    }

    // ------------------------------------------------------------------------------------------------ verification

    @Test
    void duplicateReportIsMergedIntoTheOpenCase() {
        when(service.findDuplicateCandidates(CASE))
                .thenReturn(List.of(new DuplicateCandidate("GR-20261120-0007", "GR-20261120-0007 · 3号楼 · 垃圾堆积")));
        ProcessInstance pi = start("environment", "garbage", "NORMAL", RESIDENT);
        execute(job("Task_FindDuplicates", pi));

        assertThat(pi).isWaitingAt("Task_VerifyReport").variables()
                .containsEntry(HAS_DUPLICATES, true)
                .containsEntry(DUPLICATE_OPTIONS,
                        List.of(Map.of("label", "GR-20261120-0007 · 3号楼 · 垃圾堆积", "value", "GR-20261120-0007")));
        complete(task(pi), withVariables(VERIFY_OUTCOME, "MERGE", MERGE_INTO, "GR-20261120-0007"));
        execute(job("Task_MergeReport", pi));

        assertThat(pi).isEnded().hasPassed("End_Merged").hasNotPassed("Task_RouteGrievance");
        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).merge(CASE, "GR-20261120-0007");
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void rejectedReportEndsWithTheClerksReason() {
        ProcessInstance pi = start("other", null, "LOW", RESIDENT);
        execute(job("Task_FindDuplicates", pi));
        complete(task(pi), withVariables(VERIFY_OUTCOME, "REJECT", REJECT_REASON, "属司法诉讼事项，请通过法院解决"));
        execute(job("Task_RejectReport", pi));

        assertThat(pi).isEnded().hasPassed("End_Rejected").hasNotPassed("Task_RouteGrievance");
        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).reject(CASE, "属司法诉讼事项，请通过法院解决");
        verifyNoMoreInteractions(intake, service);
    }

    // ------------------------------------------------------------------------------------------------ bounces

    @Test
    void firstBounceGoesBackToTheClerkAndIsRoutedAgainByTheNewCategory() {
        ProcessInstance pi = dispatched("environment", "garbage", "NORMAL", RESIDENT);
        when(service.recordBounce(CASE, ENVIRONMENT, "路灯归城管")).thenReturn(1);

        complete(task(pi), withVariables(HANDLE_OUTCOME, "NOT_OURS", BOUNCE_REASON, "路灯归城管"));
        execute(job("Task_RecordBounce", pi));
        assertThat(pi).isWaitingAt("Task_ReclassifyGrievance");
        assertThat(task(pi)).hasCandidateGroup(COMMUNITY);

        complete(task(pi), withVariables(CATEGORY, "municipal", SUB_CATEGORY, "streetlight", URGENCY, "URGENT"));
        execute(job("Task_ScheduleDeadline", pi));
        assertThat(pi).isWaitingAt("Task_HandleGrievance").hasNotPassed("Task_AssignBySupervisor");
        assertThat(task(pi)).hasCandidateGroup("dept-urban");

        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        inOrder.verify(service).recordBounce(CASE, ENVIRONMENT, "路灯归城管");
        inOrder.verify(service).dispatch(CASE, "dept-urban", "PT24H", false, false);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void secondBounceLetsTheSupervisorSummonADepartment() {
        ProcessInstance pi = dispatched("environment", "garbage", "NORMAL", RESIDENT);
        when(service.recordBounce(CASE, ENVIRONMENT, "非本部门")).thenReturn(2);

        complete(task(pi), withVariables(HANDLE_OUTCOME, "NOT_OURS", BOUNCE_REASON, "非本部门"));
        execute(job("Task_RecordBounce", pi));
        assertThat(pi).isWaitingAt("Task_AssignBySupervisor").hasNotPassed("Task_ReclassifyGrievance");
        assertThat(task(pi)).hasCandidateGroup(SUPERVISORS);

        complete(task(pi), withVariables(HANDLER_GROUP, "dept-housing", SLA_DURATION, "P5D", SLA_WORKING_DAYS, true,
                SUPERVISOR_COMMENT, "住建部门报到"));
        execute(job("Task_ScheduleDeadline", pi));
        assertThat(pi).isWaitingAt("Task_HandleGrievance");
        assertThat(task(pi)).hasCandidateGroup("dept-housing");

        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        inOrder.verify(service).recordBounce(CASE, ENVIRONMENT, "非本部门");
        inOrder.verify(service).dispatch(CASE, "dept-housing", "P5D", true, false);
        verifyNoMoreInteractions(intake, service);
    }

    // ------------------------------------------------------------------------------------------------ timers while handling

    @Test
    void reminderTimerRemindsTheHandlerWhoKeepsTheTask() {
        ProcessInstance pi = dispatched("environment", "garbage", "NORMAL", RESIDENT);
        Task handling = task("Task_HandleGrievance", pi);
        Assertions.assertThat(job("Timer_Reminder", pi).getDuedate()).isEqualTo(REMIND);

        execute(job("Timer_Reminder", pi));
        execute(job("Task_RemindHandler", pi));

        assertThat(pi).hasPassed("End_Reminded").isWaitingAt("Task_HandleGrievance");
        Assertions.assertThat(task("Task_HandleGrievance", pi).getId()).isEqualTo(handling.getId());
        verifyDispatchedOnce(pi);
        verify(service).remind(CASE);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void overdueCaseTheSupervisorKeepsWithTheHandlerLeavesTheHandlingTaskAlone() {
        ProcessInstance pi = dispatched("environment", "garbage", "NORMAL", RESIDENT);
        Task handling = task("Task_HandleGrievance", pi);
        Assertions.assertThat(job("Timer_Overdue", pi).getDuedate()).isEqualTo(DUE);

        execute(job("Timer_Overdue", pi));
        execute(job("Task_FlagOverdue", pi));
        assertThat(pi).isWaitingAt("Task_HandleGrievance", "Task_SuperviseOverdue");
        assertThat(task("Task_SuperviseOverdue", pi)).hasCandidateGroup(SUPERVISORS);

        complete(task("Task_SuperviseOverdue", pi), withVariables(SUPERVISOR_DECISION, "KEEP", SUPERVISOR_COMMENT, "请今日办结"));

        assertThat(pi).hasPassed("End_OverdueKept").hasNotPassed("End_Reassign").isWaitingAt("Task_HandleGrievance");
        Assertions.assertThat(task("Task_HandleGrievance", pi).getId()).isEqualTo(handling.getId());
        verifyDispatchedOnce(pi);
        verify(service).flagOverdue(CASE);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void overdueCaseTheSupervisorReassignsCancelsTheOldTaskAndDispatchesAgain() {
        ProcessInstance pi = dispatched("environment", "garbage", "NORMAL", RESIDENT);
        Task oldHandling = task("Task_HandleGrievance", pi);
        execute(job("Timer_Overdue", pi));
        execute(job("Task_FlagOverdue", pi));

        complete(task("Task_SuperviseOverdue", pi), withVariables(SUPERVISOR_DECISION, "REASSIGN", HANDLER_GROUP, "dept-urban"));

        assertThat(pi).hasPassed("End_Reassign", "Event_HandlerReassigned").isWaitingAt("Task_ScheduleDeadline");
        Assertions.assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId())
                .activityId("Task_HandleGrievance").count()).isZero();
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery().taskId(oldHandling.getId())
                .singleResult().getDeleteReason()).isNotEqualTo("completed");
        execute(job("Task_ScheduleDeadline", pi));
        Task newHandling = task("Task_HandleGrievance", pi);
        Assertions.assertThat(newHandling.getId()).isNotEqualTo(oldHandling.getId());
        assertThat(newHandling).hasCandidateGroup("dept-urban");

        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        inOrder.verify(service).flagOverdue(CASE);
        inOrder.verify(service).dispatch(CASE, "dept-urban", "P3D", true, false);
        verifyNoMoreInteractions(intake, service);
    }

    // ------------------------------------------------------------------------------------------------ rating

    @Test
    void dissatisfiedResidentGetsTheCaseReopenedWithTheSameHandler() {
        ProcessInstance pi = handled("environment", "garbage", "NORMAL", RESIDENT);
        when(service.reopen(CASE)).thenReturn(1);

        rate(pi, 2, false);
        execute(job("Task_ReopenCase", pi));

        assertThat(pi).variables().containsEntry(REOPEN_COUNT, 1);
        execute(job("Task_ScheduleDeadline", pi));
        assertThat(pi).isWaitingAt("Task_HandleGrievance").hasNotPassed("Task_SuperviseUnresolved");
        assertThat(task(pi)).hasCandidateGroup(ENVIRONMENT);

        InOrder inOrder = inOrder(intake, service);
        inOrder.verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        inOrder.verify(service).findDuplicateCandidates(CASE);
        inOrder.verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        inOrder.verify(service).recordHandling(CASE, "已处理", List.of());
        inOrder.verify(service).recordRating(CASE, 2, false, "");
        inOrder.verify(service).reopen(CASE);
        inOrder.verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void satisfiedButUnsolvedCountsAsDissatisfied() {
        ProcessInstance pi = handled("environment", "garbage", "NORMAL", RESIDENT);
        when(service.reopen(CASE)).thenReturn(1);

        rate(pi, 4, false);

        assertThat(pi).hasPassed("Gateway_ReopenedBefore").isWaitingAt("Task_ReopenCase");
        verifyDispatchedOnce(pi);
        verify(service).recordHandling(CASE, "已处理", List.of());
        verify(service).recordRating(CASE, 4, false, "");
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void secondFailureTheSupervisorClosesTheCase() {
        ProcessInstance pi = reopenedAndHandledAgain();

        rate(pi, 1, false);
        assertThat(pi).isWaitingAt("Task_SuperviseUnresolved");
        assertThat(task(pi)).hasCandidateGroup(SUPERVISORS);
        complete(task(pi), withVariables(SUPERVISOR_DECISION, "CLOSE", SUPERVISOR_COMMENT, "已尽责，诉求超出政策范围"));
        execute(job("Task_CloseBySupervisor", pi));

        assertThat(pi).isEnded().hasPassed("End_ClosedBySupervisor");
        verify(service).reopen(CASE);
        verify(service, times(2)).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        verify(service, times(2)).recordHandling(CASE, "已处理", List.of());
        verify(service).recordRating(CASE, 2, false, "");
        verify(service).recordRating(CASE, 1, false, "");
        verify(service).close(CASE, Closure.SUPERVISOR_CLOSED);
        verifyRegisteredAndSearched(pi);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void secondFailureTheSupervisorReassignsTheCase() {
        ProcessInstance pi = reopenedAndHandledAgain();

        rate(pi, 2, true);
        complete(task("Task_SuperviseUnresolved", pi),
                withVariables(SUPERVISOR_DECISION, "REASSIGN", HANDLER_GROUP, "grid-team", SUPERVISOR_COMMENT, "网格员上门"));
        execute(job("Task_ScheduleDeadline", pi));

        assertThat(pi).isWaitingAt("Task_HandleGrievance");
        assertThat(task(pi)).hasCandidateGroup("grid-team");
        verify(service).reopen(CASE);
        verify(service, times(2)).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        verify(service).dispatch(CASE, "grid-team", "P3D", true, false);
        verify(service, times(2)).recordHandling(CASE, "已处理", List.of());
        verify(service).recordRating(CASE, 2, false, "");
        verify(service).recordRating(CASE, 2, true, "");
        verifyRegisteredAndSearched(pi);
        verifyNoMoreInteractions(intake, service);
    }

    @Test
    void hotlineCallerWhoNeverRatesHasTheCaseClosedWhenTheRatingWindowEnds() {
        ProcessInstance pi = handled("environment", "garbage", "NORMAL", null);
        Assertions.assertThat(runtimeService().getVariables(pi.getId())).containsEntry(REPORTER_USER_ID, null);
        assertThat(task(pi)).isNotAssigned().hasCandidateGroup(COMMUNITY);
        Job ratingTimeout = job("Timer_RatingTimeout", pi);
        Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), ratingTimeout.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));

        execute(ratingTimeout);
        execute(job("Task_CloseNoRating", pi));

        assertThat(pi).isEnded().hasPassed("End_ClosedNoRating").hasNotPassed("Task_RecordRating");
        verifyDispatchedOnce(pi);
        verify(service).recordHandling(CASE, "已处理", List.of());
        verify(service).close(CASE, Closure.NO_RATING);
        verifyNoMoreInteractions(intake, service);
    }

    // ------------------------------------------------------------------------------------------------ technical failure

    @Test
    void failingServiceLeavesARetryableJobAndKeepsTheCase() {
        when(service.dispatch(CASE, ENVIRONMENT, "P3D", true, false))
                .thenThrow(new IllegalStateException("database unavailable"))
                .thenReturn(new Dispatch(DUE, REMIND, "2026-11-26 10:00", "环境卫生所"));
        ProcessInstance pi = start("environment", "garbage", "NORMAL", RESIDENT);
        execute(job("Task_FindDuplicates", pi));
        complete(task(pi), withVariables(VERIFY_OUTCOME, "ACCEPT"));

        Job dispatch = job("Task_ScheduleDeadline", pi);
        Assertions.assertThatThrownBy(() -> managementService().executeJob(dispatch.getId()))
                .isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");

        Job failed = job("Task_ScheduleDeadline", pi);
        Assertions.assertThat(failed.getRetries()).isEqualTo(2);
        Assertions.assertThat(failed.getExceptionMessage()).contains("database unavailable");
        Assertions.assertThat(failed.getDuedate()).isNotNull();
        assertThat(pi).isNotEnded().isWaitingAt("Task_ScheduleDeadline").hasPassed("Task_VerifyReport");

        execute(failed);
        assertThat(pi).isWaitingAt("Task_HandleGrievance");
        verify(service, times(2)).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
        verifyRegisteredAndSearched(pi);
        verifyNoMoreInteractions(intake, service);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Starts a case the way {@link GrievanceIntake#file} does (all intake variables, some null), or, for a hotline
     * caller without an account ({@code reporterUserId == null}), the way Tasklist's start form does: only the
     * fields of forms/grievance-handling-intake.form exist as variables.
     */
    private ProcessInstance start(String category, String subCategory, String urgency, String reporterUserId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CATEGORY, category);
        variables.put(SUB_CATEGORY, subCategory);
        variables.put(URGENCY, urgency);
        variables.put(DESCRIPTION, "3号楼门前垃圾三天未清运");
        variables.put(ADDRESS, "幸福里小区3号楼");
        if (reporterUserId == null) {
            variables.put(REPORTER_PHONE, "13800138000");
        } else {
            variables.put(CHANNEL, "PORTAL");
            variables.put(REPORTER_USER_ID, reporterUserId);
            variables.put(REPORTER_PHONE, null);
            variables.put(COMMUNITY_CODE, "xh01");
        }
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, variables);
    }

    /** Started, accepted at verification and dispatched: waiting at the handling task. */
    private ProcessInstance dispatched(String category, String subCategory, String urgency, String reporterUserId) {
        ProcessInstance pi = start(category, subCategory, urgency, reporterUserId);
        execute(job("Task_FindDuplicates", pi));
        complete(task(pi), withVariables(VERIFY_OUTCOME, "ACCEPT"));
        execute(job("Task_ScheduleDeadline", pi));
        assertThat(pi).isWaitingAt("Task_HandleGrievance");
        return pi;
    }

    /** Dispatched and handled: waiting for the rating. */
    private ProcessInstance handled(String category, String subCategory, String urgency, String reporterUserId) {
        ProcessInstance pi = dispatched(category, subCategory, urgency, reporterUserId);
        handle(pi);
        return pi;
    }

    private void handle(ProcessInstance pi) {
        complete(task("Task_HandleGrievance", pi), withVariables(HANDLE_OUTCOME, "DONE", MEASURES, "已处理"));
        execute(job("Task_RecordHandling", pi));
        assertThat(pi).isWaitingAt("Task_RateHandling");
    }

    private void rate(ProcessInstance pi, int rating, boolean solved) {
        complete(task("Task_RateHandling", pi), withVariables(RATING, rating, SOLVED, solved, RATING_COMMENT, ""));
        execute(job("Task_RecordRating", pi));
    }

    /** Rated badly once, reopened to the same handler and handled again: waiting for the second rating. */
    private ProcessInstance reopenedAndHandledAgain() {
        ProcessInstance pi = handled("environment", "garbage", "NORMAL", RESIDENT);
        when(service.reopen(CASE)).thenReturn(1);
        rate(pi, 2, false);
        execute(job("Task_ReopenCase", pi));
        execute(job("Task_ScheduleDeadline", pi));
        handle(pi);
        return pi;
    }

    private static void assertDeployedForm(Task task, String formId) {
        Assertions.assertThat(deployedForm(formService().getDeployedTaskForm(task.getId())))
                .contains("\"id\": \"" + formId + "\"");
    }

    private static String deployedForm(InputStream form) {
        try (form) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void verifyRegisteredAndSearched(ProcessInstance pi) {
        verify(intake).register(any(FileGrievanceCommand.class), eq(pi.getId()));
        verify(service).findDuplicateCandidates(CASE);
    }

    private void verifyDispatchedOnce(ProcessInstance pi) {
        verifyRegisteredAndSearched(pi);
        verify(service).dispatch(CASE, ENVIRONMENT, "P3D", true, false);
    }
}
