package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.linli.alarm.AlarmProperties.Mqtt;
import org.linli.alarm.Rejection.RejectedMessage;

class DeviceEventParserTest {

    private static final String TOPIC = "linli/xh01/devices/smoke-0001/events";
    private final DeviceEventParser parser = new DeviceEventParser(new ObjectMapper(), new AlarmProperties(
            new Mqtt(true, "tcp://127.0.0.1:1883", "linli-app", null, null, "linli", "linli/+/devices/+/events",
                    "linli/deadletter", Duration.ofDays(1), 2000), 1024, 4, 200, Duration.ofDays(7), 2,
            Duration.ofSeconds(10), Duration.ofSeconds(5)));

    @Test
    void readsAValidEventWithItsDataAndTheDeviceFromTheTopic() {
        DeviceEvent event = parser.parse(TOPIC, bytes("""
                {"eventId":"42","type":"water_leak","severity":"high","ts":"2026-11-24T08:15:30+08:00",
                 "data":{"ppm":12}}"""));

        assertThat(event.deviceId()).isEqualTo("smoke-0001");
        assertThat(event.communityCode()).isEqualTo("xh01");
        assertThat(event.type()).isEqualTo(EventType.WATER_LEAK);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-24T00:15:30Z"));
        assertThat(event.data()).isEqualTo("{\"ppm\":12}");
        assertThat(event.alarmKey()).isEqualTo("smoke-0001/water_leak");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing ts            | {\"eventId\":\"1\",\"type\":\"smoke\",\"severity\":\"high\"}                                          | SCHEMA_VIOLATION | ts",
            "unknown type          | {\"eventId\":\"1\",\"type\":\"fire\",\"severity\":\"high\",\"ts\":\"2026-11-24T08:00:00Z\"}           | SCHEMA_VIOLATION | type",
            "unknown severity      | {\"eventId\":\"1\",\"type\":\"smoke\",\"severity\":\"meh\",\"ts\":\"2026-11-24T08:00:00Z\"}           | SCHEMA_VIOLATION | severity",
            "extra field           | {\"eventId\":\"1\",\"type\":\"smoke\",\"severity\":\"high\",\"ts\":\"2026-11-24T08:00:00Z\",\"x\":1}   | SCHEMA_VIOLATION | x",
            "bad event id          | {\"eventId\":\"a b\",\"type\":\"smoke\",\"severity\":\"high\",\"ts\":\"2026-11-24T08:00:00Z\"}         | SCHEMA_VIOLATION | eventId",
            "ts without offset     | {\"eventId\":\"1\",\"type\":\"smoke\",\"severity\":\"high\",\"ts\":\"2026-11-24T08:00:00\"}            | SCHEMA_VIOLATION | ts",
            "data not an object    | {\"eventId\":\"1\",\"type\":\"smoke\",\"severity\":\"high\",\"ts\":\"2026-11-24T08:00:00Z\",\"data\":3} | SCHEMA_VIOLATION | data",
            "an array              | []                                                                                                      | SCHEMA_VIOLATION | object",
            "not json              | {eventId:1                                                                                              | BAD_JSON         | not JSON",
            "empty                 | ''                                                                                                      | BAD_JSON         | empty"})
    void rejectsWhatTheSchemaDoesNotAllowWithAReadableReason(String name, String payload, Rejection reason,
            String mentions) {
        assertThatThrownBy(() -> parser.parse(TOPIC, bytes(payload))).isInstanceOf(RejectedMessage.class)
                .hasMessageContaining(mentions).satisfies(e -> assertThat(((RejectedMessage) e).reason()).isEqualTo(reason));
    }

    @Test
    void rejectsPayloadsOverTheLimitUnreadAndNonUtf8AsBadJson() {
        assertThatThrownBy(() -> parser.parse(TOPIC, new byte[1025])).isInstanceOf(RejectedMessage.class)
                .satisfies(e -> assertThat(((RejectedMessage) e).reason()).isEqualTo(Rejection.TOO_LARGE));
        assertThatThrownBy(() -> parser.parse(TOPIC, new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}))
                .satisfies(e -> assertThat(((RejectedMessage) e).reason()).isEqualTo(Rejection.BAD_JSON));
    }

    @ParameterizedTest
    @CsvSource({"linli/xh01/devices/a/status", "linli/xh01/devices/a b/events", "other/xh01/devices/a/events",
            "linli/devices/a/events"})
    void rejectsTopicsOutsideTheProtocol(String topic) {
        assertThatThrownBy(() -> parser.parse(topic, bytes("{}")))
                .satisfies(e -> assertThat(((RejectedMessage) e).reason()).isEqualTo(Rejection.MALFORMED_TOPIC));
        assertThat(DeviceEventParser.deviceIdOf(topic)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
