package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.basedata.DeviceRegistry;
import org.linli.basedata.RegistrationCommands.RegisterDeviceCommand;
import org.linli.basedata.RegistrationCommands.SensorType;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.linli.support.TestBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Device events through the real entry point: a device publishes to a real Mosquitto (a private one, TestBroker),
 * the app's MQTT client receives, and the engine on PostgreSQL starts or correlates alarm cases.
 */
@IntegrationTest
class AlarmIngestionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MqttClient device;
    private static final List<JsonNode> deadLetters = new CopyOnWriteArrayList<>();

    @Autowired
    DeviceRegistry devices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    MqttDeviceEventClient appClient;
    @Autowired
    OfflineDeviceWatch offlineWatch;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void connectDevice() throws MqttException {
        device = new MqttClient(TestBroker.url(), "it-device-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        device.connect(options);
        ObjectMapper reader = new ObjectMapper();
        device.subscribe(new MqttSubscription[] {new MqttSubscription("linli/deadletter", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (topic, message) -> deadLetters.add(reader.readTree(message.getPayload()))});
    }

    @AfterAll
    static void disconnectDevice() throws MqttException {
        device.disconnect();
        device.close();
    }

    @Test
    void anElderlyResidentsAlarmStartsOneCaseAndRepeatsAreCountedOnIt() throws Exception {
        String id = register(SensorType.MOTION, zhangLansHousehold());

        publish(id, "e-1", "no_motion");
        String processInstanceId = awaitOpenAlarm(id, "no_motion");

        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getName())
                .isEqualTo("确认告警");
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup("grid-xh01-02")
                .count()).as("张兰 lives in grid xh01-02 and alone: the grid worker is asked first").isEqualTo(1);
        assertThat(runtime.getVariable(processInstanceId, "severityLevel")).isEqualTo("critical");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
                .decisionDefinitionKey("alarm-severity").includeInputs().singleResult().getInputs())
                .as("the severity decision saw her profile from base data, and its history keeps it")
                .anySatisfy(input -> assertThat(input.getValue()).isEqualTo("elderly_alone"));
        assertThat(runtime.getVariable(processInstanceId, "occupants")).as("a decision input, not kept").isNull();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
                .decisionDefinitionKey("alarm-escalation-chain").count())
                .as("the chain is a lookup by name: history keeps its result, not the evaluation").isZero();
        assertThat(runtime.getVariable(processInstanceId, "escalationChain")).asString().startsWith("grid-worker:");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn("escalationChain", "ackTimeout", "severityLabel").count())
                .as("working variables: the chain is configuration and the severity is in the decision's history")
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn("alarmType", "communityCode", "escalationLevel").count())
                .as("what case search and the audit log read stays in history").isEqualTo(3);

        publish(id, "e-2", "no_motion");
        publish(id, "e-3", "no_motion");
        await().atMost(WAIT).until(() -> eventCount(id, "no_motion") == 3);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id + "/no_motion").count())
                .isEqualTo(1);
        await().atMost(WAIT).until(() -> Integer.valueOf(3).equals(runtime.getVariable(processInstanceId,
                "eventCount")));
    }

    @Test
    void aBurstOfRepeatsIsCountedOnTheRowAtOnceAndReachesTheProcessInFewCommands() throws Exception {
        String id = register(SensorType.SMOKE, null);
        publish(id, "b-0", "smoke");
        String processInstanceId = awaitOpenAlarm(id, "smoke");

        for (int i = 1; i <= 30; i++) {
            publish(id, "b-" + i, "smoke");
        }
        await().atMost(WAIT).until(() -> eventCount(id, "smoke") == 31);
        await().atMost(WAIT).until(() -> Integer.valueOf(31).equals(runtime.getVariable(processInstanceId,
                "eventCount")));
        assertThat(runtime.getVariable(processInstanceId, "lastEventId")).isEqualTo("b-30");
        assertThat(runtime.getVariable(processInstanceId, "repeatCount")).as("a correlation's payload, not kept")
                .isNull();
        // one hand-over per interval (5 s), not thirty correlations
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("Task_CountRepeats").count()).isBetween(1L, 4L);
    }

    @Test
    void staffOfTheCommunitySeeTheAlarmWithItsTimelineAndResidentsDoNot() throws Exception {
        String id = register(SensorType.FALL, zhangLansHousehold());
        publish(id, "f-1", "fall");
        publish(id, "f-2", "fall");
        String processInstanceId = awaitOpenAlarm(id, "fall");
        await().atMost(WAIT).until(() -> eventCount(id, "fall") == 2);
        long alarmId = jdbc.sql("SELECT id FROM alm_alarm WHERE process_instance_id = :pi").param("pi", processInstanceId)
                .query(Long.class).single();

        ResponseEntity<String> list = Api.as(rest, "wang.fang").get("/api/alarms?community=xh01&openOnly=true");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(list.getBody()).findValuesAsText("deviceId")).contains(id);

        JsonNode detail = json.readTree(Api.as(rest, "chen.jun").get("/api/alarms/" + alarmId).getBody());
        assertThat(detail.at("/alarm/typeName").asText()).isEqualTo("跌倒");
        assertThat(detail.at("/alarm/eventCount").asInt()).isEqualTo(2);
        assertThat(detail.get("timeline").findValuesAsText("text")).anyMatch(text -> text.contains("f-1"))
                .anyMatch(text -> text.contains("f-2")).contains("进入下一确认级");

        // and it is a case in the supervisors' search (Elasticsearch), found by its type in words
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode items = json.readTree(Api.as(rest, "chen.jun")
                    .get("/api/cases?family=alarm-escalation&q=" + id + "/fall").getBody()).get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).get("communityCode").asText()).isEqualTo("xh01");
            assertThat(items.get(0).get("gridCode").asText()).isEqualTo("xh01-02");
            assertThat(items.get(0).get("escalationLevel").asInt()).isEqualTo(1);
            assertThat(items.get(0).get("text").asText()).contains("跌倒告警");
        });

        ResponseEntity<String> resident = Api.as(rest, "zhang.lan").get("/api/alarms/" + alarmId);
        assertThat(resident.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(resident.getBody()).contains("ALM-002");
        assertThat(Api.as(rest, "wang.fang").get("/api/alarms/999999999").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRedeliveredEventIdIsAcknowledgedAndChangesNothing() throws Exception {
        String id = register(SensorType.SMOKE, null);

        publish(id, "same", "smoke");
        awaitOpenAlarm(id, "smoke");
        publish(id, "same", "smoke");
        publish(id, "next", "heartbeat");
        await().atMost(WAIT).until(() -> recorded(id) == 2);

        assertThat(eventCount(id, "smoke")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM alm_device_event WHERE device_id = :id ORDER BY event_id")
                .param("id", id).query(String.class).list()).containsExactly("HEARTBEAT", "STARTED");
    }

    @Test
    void aClearedEventEndsTheAlarmAndTheNextLeakOpensANewCase() throws Exception {
        String id = register(SensorType.WATER_LEAK, zhangLansHousehold());

        String first = leakThenCleared(id, "w");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(first).singleResult()
                .getEndActivityId()).isEqualTo("End_ClearedByDevice");
        assertThat(jdbc.sql("SELECT outcome FROM alm_alarm WHERE process_instance_id = :pi").param("pi", first)
                .query(String.class).single()).isEqualTo("cleared");

        publish(id, "w-3", "water_leak");
        String second = awaitOpenAlarm(id, "water_leak");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anEndedAlarmsEngineHistoryIsDueForRemovalAYearAfterTheAlarmStarted() throws Exception {
        String alarm = leakThenCleared(register(SensorType.WATER_LEAK, zhangLansHousehold()), "h");

        // docs/privacy.md, ADR 0018: the alarm family keeps its engine history a year (P365D) from the start
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(alarm)
                .singleResult();
        Calendar dueForRemoval = Calendar.getInstance();
        dueForRemoval.setTime(ended.getStartTime());
        dueForRemoval.add(Calendar.DATE, 365);
        assertThat(ended.getEndTime()).isAfter(ended.getStartTime());
        assertThat(ended.getRemovalTime()).isEqualTo(dueForRemoval.getTime());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(alarm).list())
                .extracting(HistoricActivityInstance::getRemovalTime).containsOnly(dueForRemoval.getTime());
    }

    @Test
    void badMessagesGoToTheDeadLetterTopicWithTheirReasonAndDoNotBlockTheTopic() throws Exception {
        String id = register(SensorType.GAS, null);
        double before = deadLetterCount("schema-violation");

        device.publish("linli/xh01/devices/" + id + "/events", "{not json".getBytes(StandardCharsets.UTF_8), 1, false);
        device.publish("linli/xh01/devices/" + id + "/events",
                "{\"eventId\":\"x\",\"type\":\"gas\",\"severity\":\"high\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        device.publish("linli/xh01/devices/" + id + "/events",
                ("{\"eventId\":\"y\",\"type\":\"gas\",\"severity\":\"high\",\"ts\":\"" + OffsetDateTime.now()
                        + "\",\"data\":{\"blob\":\"" + "x".repeat(9000) + "\"}}").getBytes(StandardCharsets.UTF_8), 1,
                false);
        publishTo("xh01", "no-such-device-" + id, "u-1", "gas");
        publishTo("xh02", id, "c-1", "gas");
        publish(id, "ok-1", "gas");

        awaitOpenAlarm(id, "gas");
        await().atMost(WAIT).until(() -> deadLettersAbout(id).size() == 5);
        assertThat(deadLettersAbout(id)).extracting(letter -> letter.get("reason").asText())
                .containsExactlyInAnyOrder("bad-json", "schema-violation", "payload-too-large", "unknown-device",
                        "wrong-community");
        assertThat(deadLettersAbout(id)).filteredOn(letter -> letter.get("reason").asText().equals("schema-violation"))
                .first().satisfies(letter -> assertThat(letter.get("detail").asText()).contains("ts"));
        assertThat(deadLetterCount("schema-violation")).isEqualTo(before + 1);
        assertThat(recorded(id)).as("only the good event is recorded").isEqualTo(1);
    }

    @Test
    void eventsPublishedWhileTheAppIsDownAreDeliveredOnceWhenItReturns() throws Exception {
        String smoke = register(SensorType.SMOKE, null);
        String motion = register(SensorType.MOTION, zhangLansHousehold());
        publish(smoke, "before", "heartbeat");
        await().atMost(WAIT).until(() -> recorded(smoke) == 1);

        appClient.stop();
        try {
            for (int i = 0; i < 20; i++) {
                publish(smoke, "down-" + i, i % 2 == 0 ? "smoke" : "heartbeat");
                publish(motion, "down-" + i, "heartbeat");
            }
        } finally {
            appClient.start();
        }

        await().atMost(WAIT).until(() -> recorded(smoke) == 21 && recorded(motion) == 20);
        assertThat(eventCount(smoke, "smoke")).isEqualTo(10);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(smoke + "/smoke").count())
                .isEqualTo(1);
    }

    @Test
    void aSilentDeviceRaisesAnOfflineAlarmThatItsNextHeartbeatClears() throws Exception {
        String id = register(SensorType.DOOR, zhangLansHousehold());
        publish(id, "hb-1", "heartbeat");
        await().atMost(WAIT).until(() -> recorded(id) == 1);
        jdbc.sql("UPDATE alm_device_liveness SET offline_due_at = offline_due_at - INTERVAL '1' DAY WHERE device_id = :id")
                .param("id", id).update();

        offlineWatch.raiseDue();
        offlineWatch.raiseDue();
        String offline = awaitOpenAlarm(id, "offline");
        assertThat(runtime.getVariable(offline, "ackGroup")).isEqualTo("grid-xh01-02");
        assertThat(jdbc.sql("SELECT offline FROM alm_device_liveness WHERE device_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();

        publish(id, "hb-2", "heartbeat");
        await().atMost(WAIT).until(() -> runtime.createProcessInstanceQuery().processInstanceId(offline).count() == 0);
        assertThat(jdbc.sql("SELECT offline FROM alm_device_liveness WHERE device_id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aChattyDeviceKeepsItsLastSeenTimeToATenthOfItsHeartbeatInterval() throws Exception {
        String id = register(SensorType.DOOR, null); // heartbeat every 60 s
        publish(id, "c-1", "heartbeat");
        await().atMost(WAIT).until(() -> recorded(id) == 1);
        Instant first = lastSeen(id);

        publish(id, "c-2", "heartbeat");
        await().atMost(WAIT).until(() -> recorded(id) == 2);
        assertThat(lastSeen(id)).as("heard again within 6 s: the row stays as it was").isEqualTo(first);

        jdbc.sql("UPDATE alm_device_liveness SET last_seen_at = last_seen_at - INTERVAL '7' SECOND, "
                + "offline_due_at = offline_due_at - INTERVAL '7' SECOND WHERE device_id = :id").param("id", id).update();
        publish(id, "c-3", "heartbeat");
        await().atMost(WAIT).until(() -> recorded(id) == 3);
        assertThat(lastSeen(id)).as("heard 7 s later: the time moves on, and so does the offline deadline")
                .isAfter(first);
        assertThat(jdbc.sql("SELECT offline_due_at FROM alm_device_liveness WHERE device_id = :id").param("id", id)
                .query(Timestamp.class).single().toInstant()).isAfter(lastSeen(id).plusSeconds(119));
    }

    private Instant lastSeen(String deviceId) {
        return jdbc.sql("SELECT last_seen_at FROM alm_device_liveness WHERE device_id = :id").param("id", deviceId)
                .query(Timestamp.class).single().toInstant();
    }

    private String register(SensorType type, Long householdId) {
        String id = type.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        devices.registerDevice(new RegisterDeviceCommand(id, type, "xh01", null, householdId, "客厅", 60));
        return id;
    }

    private Long zhangLansHousehold() {
        return jdbc.sql("SELECT id FROM bd_household WHERE household_no = 'XH01-0002'").query(Long.class).single();
    }

    /** A leak and then its all-clear ({@code prefix-1}, {@code prefix-2}): the alarm's instance, once it ended. */
    private String leakThenCleared(String deviceId, String prefix) throws Exception {
        publish(deviceId, prefix + "-1", "water_leak");
        String alarm = awaitOpenAlarm(deviceId, "water_leak");
        publish(deviceId, prefix + "-2", "cleared");
        await().atMost(WAIT).until(() -> runtime.createProcessInstanceQuery().processInstanceId(alarm).count() == 0);
        return alarm;
    }

    private void publish(String deviceId, String eventId, String type) throws MqttException {
        publishTo("xh01", deviceId, eventId, type);
    }

    private void publishTo(String community, String deviceId, String eventId, String type) throws MqttException {
        Map<String, Object> event = Map.of("eventId", eventId, "type", type, "severity", "high",
                "ts", OffsetDateTime.now().toString(), "data", Map.of("battery", 87));
        try {
            device.publish("linli/" + community + "/devices/" + deviceId + "/events", json.writeValueAsBytes(event), 1,
                    false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String awaitOpenAlarm(String deviceId, String type) {
        String key = deviceId + "/" + type;
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM alm_alarm WHERE open_key = :key")
                .param("key", key).query(Long.class).single() == 1);
        return jdbc.sql("SELECT process_instance_id FROM alm_alarm WHERE open_key = :key").param("key", key)
                .query(String.class).single();
    }

    private int eventCount(String deviceId, String type) {
        return jdbc.sql("SELECT COALESCE(MAX(event_count), 0) FROM alm_alarm WHERE open_key = :key")
                .param("key", deviceId + "/" + type).query(Integer.class).single();
    }

    private long recorded(String deviceId) {
        return jdbc.sql("SELECT COUNT(*) FROM alm_device_event WHERE device_id = :id").param("id", deviceId)
                .query(Long.class).single();
    }

    private List<JsonNode> deadLettersAbout(String deviceId) {
        return deadLetters.stream().filter(letter -> letter.get("topic").asText().contains(deviceId)).toList();
    }

    private double deadLetterCount(String reason) {
        var counter = meters.find("linli.alarm.deadletter").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
