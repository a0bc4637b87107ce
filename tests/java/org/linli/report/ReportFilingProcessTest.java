package org.linli.report;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.linli.report.ReportFilingVariables.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.linli.report.ReportFiling.AutoFilled;
import org.linli.report.ReportFiling.Consolidated;
import org.linli.report.ReportFiling.Draft;
import org.linli.report.ReportFiling.Submitted;
import org.linli.security.EngineActors;
import org.linli.support.ProcessTestEngine;
import org.mockito.InOrder;

/**
 * Every path of {@code processes/report-filing.bpmn} on the in-memory engine: the delegates are real, the
 * {@link ReportFiling} service behind them is a mock, so each test shows which steps the process asked for.
 */
@Deployment(resources = {"processes/report-filing.bpmn", "forms/report-filing-complete.form",
        "forms/report-filing-review.form"})
class ReportFilingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final long REQUEST = 7L;
    private static final String TYPE = "population-change";

    ProcessEngine processEngine;

    private final ReportFiling filing = mock(ReportFiling.class);
    private final ReportCatalogue catalogue = new ReportCatalogue(new ObjectMapper(), "templates/report", q -> true);

    @BeforeEach
    void registerDelegates() {
        EngineActors actors = new EngineActors(processEngine.getIdentityService());
        Mocks.register("autoFillReportDelegate", new AutoFillReportDelegate(filing));
        Mocks.register("saveReportDraftDelegate", new SaveReportDraftDelegate(filing, catalogue, actors));
        Mocks.register("returnReportDelegate", new ReturnReportDelegate(filing));
        Mocks.register("submitReportDelegate", new SubmitReportDelegate(filing, actors));
        Mocks.register("remindCommunityDelegate", new RemindCommunityDelegate(filing));
        Mocks.register("escalateOverdueReportDelegate", new EscalateOverdueReportDelegate(filing));
        Mocks.register("consolidateReportDelegate", new ConsolidateReportDelegate(filing));
        for (String community : List.of("xh01", "xh02")) {
            when(filing.autoFill(eq(REQUEST), eq(community), anyString())).thenReturn(new AutoFilled(
                    Map.of("births", community.equals("xh01") ? 3L : 5L, "deaths", 1L), "社区" + community,
                    "community-" + community, "street-xh", "- 出生人数：人口变动登记", 1));
        }
        when(filing.saveDraft(eq(REQUEST), anyString(), anyMap(), anyString()))
                .thenReturn(new Draft(true, "", "- 出生人数：3", 2));
        when(filing.submit(eq(REQUEST), anyString(), anyString())).thenReturn(new Submitted(3, 1, 1));
        when(filing.consolidate(REQUEST)).thenReturn(new Consolidated(1, true, List.of()));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
        processEngine.getIdentityService().clearAuthentication();
    }

    @Test
    void aCommunityFillsTheStreetApprovesAndTheRequestIsConsolidated() {
        ProcessInstance instance = start(List.of("xh01"));
        autoFill(instance);

        Task fill = task(instance, "Task_CompleteReport");
        assertThat(fill).hasCandidateGroup("community-xh01");
        Assertions.assertThat(taskService().getVariables(fill.getId())).containsEntry("births", 3L)
                .containsEntry(COMPUTED_NOTE, "- 出生人数：人口变动登记");
        complete(fill, "wang.fang", Map.of("populationRemarks", "无异常"));
        Task review = task(instance, "Task_ReviewReport");
        assertThat(review).hasCandidateGroup("street-xh");
        Assertions.assertThat(taskService().getVariable(review.getId(), SUMMARY_TEXT)).isEqualTo("- 出生人数：3");
        complete(review, "chen.jun", Map.of(REVIEW_DECISION, APPROVE));
        execute(job(instance, "Task_ConsolidateAll"));

        assertThat(instance).hasPassed("Task_SubmitReport", "Task_ConsolidateAll").isEnded()
                .hasPassed("End_Consolidated");
        InOrder order = inOrder(filing);
        order.verify(filing).autoFill(eq(REQUEST), eq("xh01"), eq(instance.getId()));
        order.verify(filing).saveDraft(eq(REQUEST), eq("xh01"), any(), eq("wang.fang"));
        order.verify(filing).submit(REQUEST, "xh01", "chen.jun");
        order.verify(filing).consolidate(REQUEST);
        verifyNoMoreInteractions(filing);
    }

    @Test
    void anInvalidReportGoesBackToTheCommunityWithTheProblems() {
        ProcessInstance instance = start(List.of("xh01"));
        autoFill(instance);
        when(filing.saveDraft(eq(REQUEST), anyString(), anyMap(), anyString()))
                .thenReturn(new Draft(false, "出生人数：不能小于 0", "", 0));

        complete(task(instance, "Task_CompleteReport"), "wang.fang", Map.of("births", -1L));

        Task again = task(instance, "Task_CompleteReport");
        Assertions.assertThat(taskService().getVariable(again.getId(), VALIDATION_MESSAGE))
                .isEqualTo("出生人数：不能小于 0");
        assertThat(instance).hasNotPassed("Task_ReviewReport");
    }

    @Test
    void theStreetReturnsTwiceWithCommentsThenApproves() {
        ProcessInstance instance = start(List.of("xh01"));
        autoFill(instance);

        for (String comment : List.of("出生人数与派出所登记不符", "请补充备注")) {
            complete(task(instance, "Task_CompleteReport"), "wang.fang", Map.of());
            complete(task(instance, "Task_ReviewReport"), "chen.jun",
                    Map.of(REVIEW_DECISION, RETURN, REVIEW_COMMENT, comment));
            Task back = task(instance, "Task_CompleteReport");
            Assertions.assertThat(taskService().getVariable(back.getId(), REVIEW_COMMENT)).isEqualTo(comment);
        }
        complete(task(instance, "Task_CompleteReport"), "wang.fang", Map.of());
        complete(task(instance, "Task_ReviewReport"), "chen.jun", Map.of(REVIEW_DECISION, APPROVE));

        verify(filing).returnForCorrection(REQUEST, "xh01", "出生人数与派出所登记不符");
        verify(filing).returnForCorrection(REQUEST, "xh01", "请补充备注");
        verify(filing, times(3)).saveDraft(eq(REQUEST), eq("xh01"), any(), eq("wang.fang"));
        verify(filing).submit(REQUEST, "xh01", "chen.jun");
        assertThat(instance).hasPassed("Task_ReturnReport");
    }

    @Test
    void beforeTheDeadlineTheCommunityIsRemindedAfterItTheStreetIsToldAndItMayStillFile() {
        ProcessInstance instance = start(List.of("xh01"));
        autoFill(instance);

        execute(job(instance, "Timer_Reminder"));
        verify(filing).remind(REQUEST, "xh01");
        execute(job(instance, "Timer_Deadline"));
        verify(filing).escalate(REQUEST, "xh01");

        // the community still files late; its task stayed open through the reminder and the escalation
        complete(task(instance, "Task_CompleteReport"), "wang.fang", Map.of());
        complete(task(instance, "Task_ReviewReport"), "chen.jun", Map.of(REVIEW_DECISION, APPROVE));
        verify(filing).submit(REQUEST, "xh01", "chen.jun");
    }

    @Test
    void atTheDeadlineWhatIsInIsConsolidatedAndTheMissingCommunityStillFiles() {
        when(filing.consolidate(REQUEST)).thenReturn(new Consolidated(1, false, List.of("和平社区")),
                new Consolidated(2, true, List.of()));
        ProcessInstance instance = start(List.of("xh01", "xh02"));
        autoFill(instance);
        Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_CompleteReport").list())
                .extracting(t -> taskService().getVariable(t.getId(), "births")).containsExactlyInAnyOrder(3L, 5L);

        Task xh01 = taskService().createTaskQuery().taskDefinitionKey("Task_CompleteReport")
                .taskCandidateGroup("community-xh01").singleResult();
        complete(xh01, "wang.fang", Map.of());
        complete(task(instance, "Task_ReviewReport"), "chen.jun", Map.of(REVIEW_DECISION, APPROVE));
        execute(job(instance, "Event_DeadlineReached"));
        execute(job(instance, "Task_ConsolidatePartial"));

        assertThat(instance).hasPassed("End_PartialConsolidated").isNotEnded();
        Assertions.assertThat(runtimeService().getVariable(instance.getId(), "consolidationComplete")).isEqualTo(false);

        complete(task(instance, "Task_CompleteReport"), "li.qiang", Map.of());
        complete(task(instance, "Task_ReviewReport"), "chen.jun", Map.of(REVIEW_DECISION, APPROVE));
        execute(job(instance, "Task_ConsolidateAll"));
        assertThat(instance).isEnded().hasPassed("End_Consolidated");
        verify(filing, times(2)).consolidate(REQUEST);
    }

    private ProcessInstance start(List<String> communities) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REQUEST_ID, REQUEST);
        variables.put(REPORT_TYPE, TYPE);
        variables.put(REPORT_NAME, "人口变动月报");
        variables.put(PERIOD, "2026-10");
        variables.put(DEADLINE, Date.from(Instant.parse("2030-01-10T09:00:00Z")));
        variables.put(DEADLINE_TEXT, "2030-01-10 17:00");
        variables.put(REMINDER_DATE, Date.from(Instant.parse("2030-01-09T09:00:00Z")));
        variables.put(COMMUNITIES, communities);
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, "RPT-7", variables);
    }

    private void autoFill(ProcessInstance instance) {
        for (Job job : managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Task_AutoFill").list()) {
            execute(job);
        }
    }

    private Task task(ProcessInstance instance, String key) {
        List<Task> tasks = taskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(key).list();
        Assertions.assertThat(tasks).as("open tasks " + key).hasSize(1);
        return tasks.get(0);
    }

    private Job job(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        try {
            taskService().complete(task.getId(), variables);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }
}
