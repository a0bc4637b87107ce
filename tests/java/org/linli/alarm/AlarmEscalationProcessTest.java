package org.linli.alarm;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.linli.alarm.AlarmEscalationVariables.*;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.security.CaseAccess;
import org.linli.security.EngineActors;
import org.linli.support.ProcessTestEngine;

/**
 * Every path of {@code processes/alarm-escalation.bpmn} with the real decisions (dmn/alarm-severity.dmn) and the
 * real escalation steps; notifications and the alarm table are mocks. Timers fire through {@code execute(job())}.
 */
@Deployment(resources = {
        "processes/alarm-escalation.bpmn",
        "dmn/alarm-severity.dmn",
        "forms/alarm-escalation-acknowledge.form",
        "forms/alarm-escalation-resolve.form",
        "forms/alarm-escalation-check.form",
        "forms/alarm-escalation-maintain.form"})
class AlarmEscalationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String DEVICE = "motion-0001";
    private static final String GRID_GROUP = "grid-xh01-01";
    private static final String COMMUNITY_GROUP = "community-xh01";
    private static final String STREET_GROUP = "street-xh";

    ProcessEngine processEngine;

    private final Notifications notifications = mock(Notifications.class);
    private final AlarmRecords records = mock(AlarmRecords.class);
    private final CaseAccess access = mock(CaseAccess.class);

    @BeforeEach
    void registerBeans() {
        init(processEngine);
        Mocks.register("alarmEscalation", new AlarmEscalation(notifications, access));
        Mocks.register("recordAcknowledgementListener", new RecordAcknowledgementListener(
                new EngineActors(processEngine.getIdentityService()), Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC)));
        Mocks.register("closeAlarmListener", new CloseAlarmListener(records));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        processEngine.getIdentityService().clearAuthentication();
    }

    @Test
    void anElderlyPersonLivingAloneNotMovingIsAcknowledgedByTheGridWorkerWithinTenMinutes() {
        ProcessInstance alarm = start("no_motion", "home", "elderly_alone", "xh01-01");

        assertThat(alarm).isWaitingAt("Task_Acknowledge").variables()
                .containsEntry(ESCALATION_LEVEL, 1).containsEntry(ACK_GROUP, GRID_GROUP)
                .containsEntry(ACK_TIMEOUT, "PT10M");
        assertThat(alarm).variables().containsEntry(SEVERITY_LEVEL, "critical").containsEntry(SEVERITY_LABEL, "紧急")
                .containsEntry(CHAIN, "vulnerable-home")
                .containsEntry(ESCALATION_CHAIN, "grid-worker:10,community-duty:10,street-emergency:30")
                .doesNotContainKeys(LOCATION_KIND, OCCUPANTS);
        assertThat(task(alarm)).hasCandidateGroup(GRID_GROUP);

        acknowledgeAs(alarm, "li.qiang");
        assertThat(alarm).isWaitingAt("Task_ResolveAlarm").variables()
                .containsEntry(ACKNOWLEDGED_BY, "li.qiang").containsEntry(ACKNOWLEDGED_LEVEL, 1);
        assertThat(task(alarm)).isAssignedTo("li.qiang");

        complete(task(alarm), withVariables(OUTCOME, "real", "resolutionNote", "老人在家睡着了，已叮嘱家属"));
        assertThat(alarm).isEnded().hasPassed("End_Resolved").hasNotPassed("Timer_AckOverdue");
        verify(records).close(alarm.getId(), "real");
        verify(notifications, never()).notify(eq(Recipient.group(COMMUNITY_GROUP)), anyString(), anyString(),
                anyString());
    }

    @Test
    void unacknowledgedAlarmsClimbTheChainToTheStreetAndThenKeepRemindingIt() {
        ProcessInstance alarm = start("no_motion", "home", "elderly_alone", "xh01-01");

        execute(job("Timer_AckOverdue", alarm));
        assertThat(alarm).isWaitingAt("Task_Acknowledge").variables().containsEntry(ESCALATION_LEVEL, 2)
                .containsEntry(ACK_GROUP, COMMUNITY_GROUP).containsEntry(ACK_TIMEOUT, "PT10M");
        assertThat(task(alarm)).hasCandidateGroup(COMMUNITY_GROUP);
        verify(notifications).notify(eq(Recipient.group(COMMUNITY_GROUP)), eq("告警升级到第 2 级"), anyString(),
                eq(DEVICE + "/no_motion"));

        execute(job("Timer_AckOverdue", alarm));
        assertThat(alarm).isWaitingAt("Task_Acknowledge").variables().containsEntry(ESCALATION_LEVEL, 3)
                .containsEntry(ACK_GROUP, STREET_GROUP).containsEntry(ACK_TIMEOUT, "PT30M");

        execute(job("Timer_AckOverdue", alarm));
        assertThat(alarm).isWaitingAt("Task_Acknowledge").hasPassed("Task_RemindLastLevel").variables()
                .containsEntry(ESCALATION_LEVEL, 3).containsEntry(LAST_LEVEL_REMINDERS, 1);
        verify(notifications).notify(eq(Recipient.group(STREET_GROUP)), eq("告警无人确认"), anyString(), anyString());
        verify(access).grantRead(alarm.getId(), GRID_GROUP);
        verify(access).grantRead(alarm.getId(), COMMUNITY_GROUP);
        verify(access).grantRead(alarm.getId(), STREET_GROUP);

        acknowledgeAs(alarm, "chen.jun");
        assertThat(alarm).variables().containsEntry(ACKNOWLEDGED_LEVEL, 3).containsEntry(ACKNOWLEDGED_BY, "chen.jun");
    }

    @Test
    void theSecondLevelMayAcknowledgeAfterTheFirstMissedItsDeadline() {
        ProcessInstance alarm = start("smoke", "home", "general", "xh01-01");
        assertThat(alarm).variables().containsEntry(ACK_TIMEOUT, "PT15M");

        execute(job("Timer_AckOverdue", alarm));
        acknowledgeAs(alarm, "wang.fang");

        assertThat(alarm).isWaitingAt("Task_ResolveAlarm").variables().containsEntry(ACKNOWLEDGED_LEVEL, 2)
                .containsEntry(ACKNOWLEDGED_BY, "wang.fang");
    }

    @Test
    void repeatedEventsAreCountedOnTheOpenAlarmWithoutDisturbingIt() {
        ProcessInstance alarm = start("smoke", "home", "general", "xh01-01");

        runtimeService().createMessageCorrelation(AlarmCases.MESSAGE_REPEATED).processInstanceId(alarm.getId())
                .setVariable(REPEAT_COUNT, Variables.integerValue(3, true)).setVariable(LAST_EVENT_ID, "e-4")
                .correlateWithResult();
        runtimeService().createMessageCorrelation(AlarmCases.MESSAGE_REPEATED).processInstanceId(alarm.getId())
                .setVariable(REPEAT_COUNT, Variables.integerValue(1, true)).setVariable(LAST_EVENT_ID, "e-5")
                .correlateWithResult();

        assertThat(alarm).isWaitingAt("Task_Acknowledge").hasPassed("Task_CountRepeats").variables()
                .containsEntry(EVENT_COUNT, 5).containsEntry(LAST_EVENT_ID, "e-5").containsEntry(ESCALATION_LEVEL, 1)
                .doesNotContainKey(REPEAT_COUNT);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(alarm.getId()).count()).isEqualTo(1);
    }

    @Test
    void aSmokeAlarmClearedByTheDeviceStillGetsALookOnSite() {
        ProcessInstance alarm = start("smoke", "home", "general", "xh01-01");

        clear(alarm);

        assertThat(alarm).isWaitingAt("Task_CheckCleared").hasPassed("Event_ClearedByDevice");
        assertThat(task(alarm)).hasCandidateGroup(GRID_GROUP);
        complete(task(alarm), withVariables("checkResult", "normal"));
        assertThat(alarm).isEnded().hasPassed("End_ClearedChecked");
        verify(records).close(alarm.getId(), CloseAlarmListener.CLEARED);
    }

    @Test
    void aWaterLeakClearedByTheDeviceEndsWithoutATask() {
        ProcessInstance alarm = start("water_leak", "home", "general", "xh01-01");

        clear(alarm);

        assertThat(alarm).isEnded().hasPassed("End_ClearedByDevice").hasNotPassed("Task_CheckCleared");
        verify(records).close(alarm.getId(), CloseAlarmListener.CLEARED);
    }

    @Test
    void aFalseAlarmOpensMaintenanceForThePropertyManagerAndCanNoLongerBeClearedByTheDevice() {
        ProcessInstance alarm = start("smoke", "building", "none", "xh01-01");
        acknowledgeAs(alarm, "wang.fang");
        complete(task(alarm), withVariables(OUTCOME, "false_alarm", "resolutionNote", "楼道有人抽烟"));

        assertThat(alarm).isWaitingAt("Task_MaintainDevice");
        assertThat(task(alarm)).hasCandidateGroup(EscalationRole.PROPERTY_MANAGERS);
        Assertions.assertThat(runtimeService().createMessageCorrelation(AlarmCases.MESSAGE_CLEARED)
                .processInstanceId(alarm.getId()).correlateAllWithResult()).isEmpty();

        complete(task(alarm), withVariables("maintenanceResult", "replaced"));
        assertThat(alarm).isEnded().hasPassed("End_DeviceMaintained");
        verify(records).close(alarm.getId(), "false_alarm");
    }

    @Test
    void aDeviceFaultAlsoGoesToMaintenance() {
        ProcessInstance alarm = start("gas", "home", "general", "xh01-01");
        acknowledgeAs(alarm, "li.qiang");
        complete(task(alarm), withVariables(OUTCOME, "device_fault", "resolutionNote", "传感器进水"));

        assertThat(alarm).isWaitingAt("Task_MaintainDevice");
    }

    @Test
    void anOfflineDeviceIsFirstThePropertyManagersJob() {
        ProcessInstance alarm = start("offline", "home", "general", "xh01-01");

        assertThat(alarm).isWaitingAt("Task_Acknowledge").variables()
                .containsEntry(ACK_GROUP, EscalationRole.PROPERTY_MANAGERS).containsEntry(ACK_TIMEOUT, "PT2H");
        assertThat(alarm).variables().containsEntry(SEVERITY_LEVEL, "low");
        clear(alarm);
        assertThat(alarm).isEnded().hasPassed("End_ClearedByDevice");
    }

    @Test
    void anUnknownTypeOrADeviceWithoutAGridStillReachesAPerson() {
        ProcessInstance mystery = start("mystery", "public", "none", null);

        assertThat(mystery).isWaitingAt("Task_Acknowledge").variables().containsEntry(ACK_GROUP, COMMUNITY_GROUP);
        assertThat(mystery).variables().containsEntry(SEVERITY_LEVEL, "medium").containsEntry(NEEDS_CHECK_ON_CLEAR, true);

        ProcessInstance noGrid = start("fall", "public", "elderly", null);
        assertThat(noGrid).variables().containsEntry(ESCALATION_LEVEL, 1).containsEntry(ACK_GROUP, COMMUNITY_GROUP);
    }

    @Test
    void anAcknowledgementNeedsAPerson() {
        ProcessInstance alarm = start("smoke", "home", "general", "xh01-01");

        Assertions.assertThatThrownBy(() -> taskService().complete(task(alarm).getId()))
                .hasMessageContaining("acknowledged by a person");
        assertThat(alarm).isWaitingAt("Task_Acknowledge");
        verify(records, times(0)).close(anyString(), anyString());
    }

    private ProcessInstance start(String type, String locationKind, String occupants, String grid) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DEVICE_ID, DEVICE);
        variables.put(ALARM_TYPE, type);
        variables.put(ALARM_TYPE_NAME, "测试");
        variables.put(REPORTED_SEVERITY, "high");
        variables.put(COMMUNITY_CODE, "xh01");
        variables.put(STREET_CODE, "xh");
        variables.put(GRID_CODE, grid);
        variables.put(LOCATION_KIND, Variables.stringValue(locationKind, true)); // as AlarmCases passes them
        variables.put(OCCUPANTS, Variables.stringValue(occupants, true));
        variables.put(DEVICE_LOCATION, "幸福路12号3栋2单元501室");
        variables.put(EVENT_COUNT, 1);
        variables.put(LAST_EVENT_ID, "e-1");
        return runtimeService().createMessageCorrelation(AlarmCases.MESSAGE_ALARM)
                .processInstanceBusinessKey(DEVICE + "/" + type).setVariables(variables).correlateStartMessage();
    }

    private void acknowledgeAs(ProcessInstance alarm, String userId) {
        processEngine.getIdentityService().setAuthentication(userId, List.of());
        try {
            complete(task(alarm), withVariables("dispatchedOnSite", true, "ackNote", "已派人到场"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private static void clear(ProcessInstance alarm) {
        runtimeService().createMessageCorrelation(AlarmCases.MESSAGE_CLEARED).processInstanceId(alarm.getId())
                .correlateWithResult();
    }

}
