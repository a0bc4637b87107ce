package org.linli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.linli.alarm.DeviceEventsCommitted;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Garbage at both doors: 10,000 fuzzed device messages over MQTT and 1,000 malformed REST and Open311 requests.
 * Every device message is either processed or dead-lettered with a documented reason (none vanish); every request is
 * refused with a 4xx problem that says why (never a 5xx); and the app is healthy and serves real work afterwards.
 */
@IntegrationTest
class MalformedInputFaultIT {

    static final int MESSAGES = 10_000;
    static final int REQUESTS = 1_000;
    static final List<String> REASONS = List.of("malformed-topic", "payload-too-large", "bad-json", "schema-violation",
            "unknown-device", "wrong-community", "processing-failed");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tenThousandFuzzedDeviceMessagesAreEachProcessedOrDeadLetteredWithAReason() throws Exception {
        DeviceBurst devices = new DeviceBurst("fuzz", 20, 5);
        devices.register(jdbc);
        AtomicInteger accepted = new AtomicInteger();
        context.addApplicationListener(ApplicationListener.<DeviceEventsCommitted>forPayload(batch -> accepted.addAndGet(
                (int) batch.events().stream().filter(e -> e.event().deviceId().startsWith("fuzz-")).count())));
        Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        AtomicInteger unexplained = new AtomicInteger();
        MqttClient client = new MqttClient(org.linli.support.TestBroker.url(), "fuzzer-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        client.subscribe(new MqttSubscription[] {new MqttSubscription("linli/deadletter", 1)},
                new IMqttMessageListener[] {(topic, message) -> {
                    JsonNode letter = json.readTree(message.getPayload());
                    if (letter.path("topic").asText().contains("/fuzz")) {
                        String reason = letter.path("reason").asText();
                        if (REASONS.contains(reason) && !letter.path("detail").asText().isBlank()) {
                            reasons.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
                        } else {
                            unexplained.incrementAndGet();
                        }
                    }
                }});

        DevicePayloadFuzzer fuzzer = new DevicePayloadFuzzer(new SplittableRandom(20261124));
        for (int i = 0; i < MESSAGES; i++) {
            DevicePayloadFuzzer.Message message = fuzzer.next(i, "fuzz-" + (i % 20));
            client.publish(message.topic(), message.payload(), 1, false);
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> accepted.get()
                + reasons.values().stream().mapToInt(AtomicInteger::get).sum() + unexplained.get() >= MESSAGES);
        DeviceBurst.pause(1_000);
        int deadLettered = reasons.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("MalformedInputFaultIT: %d fuzzed messages, %d processed, dead letters %s%n", MESSAGES,
                accepted.get(), reasons);
        assertThat(unexplained.get()).as("dead letters without a documented reason and detail").isZero();
        assertThat(accepted.get() + deadLettered).as("every message processed or dead-lettered, once").isEqualTo(MESSAGES);
        assertThat(deadLettered).as("most mutations break the message").isGreaterThan(MESSAGES / 2);
        assertThat(reasons.keySet()).contains("bad-json", "schema-violation", "payload-too-large", "unknown-device",
                "wrong-community");
        assertThat(reasons).doesNotContainKey("processing-failed");
        client.disconnect();
        client.close();

        assertHealthy();
        DeviceBurst after = new DeviceBurst("healthy", 5, 6);
        after.register(jdbc);
        context.addApplicationListener(ApplicationListener.<DeviceEventsCommitted>forPayload(after::committed));
        after.publish(50, -1, () -> { });
        await().atMost(Duration.ofSeconds(60)).until(() -> after.processedCount() == 50);
    }

    @Test
    void aThousandMalformedRequestsAreRefusedWithAProblemAndNeverA5xx() {
        List<BadRequest> requests = MalformedRequests.all(new SplittableRandom(311), REQUESTS);
        assertThat(requests).hasSize(REQUESTS);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (BadRequest request : requests) {
            ResponseEntity<String> response = send(request);
            int status = response.getStatusCode().value();
            statuses.merge(status, 1, Integer::sum);
            String body = response.getBody() == null ? "" : response.getBody();
            if (status < 400 || status >= 500 || !explains(body)) {
                failures.add(status + " " + request + " -> " + body.substring(0, Math.min(200, body.length())));
            }
        }
        System.out.printf("MalformedInputFaultIT: %d malformed requests, statuses %s%n", REQUESTS, statuses);
        assertThat(failures).as("requests not refused with a 4xx problem").isEmpty();
        assertHealthy();
        assertThat(Api.as(rest, "wang.fang").get("/api/grievances/categories").getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<String> send(BadRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (request.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(request.contentType()));
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.setBasicAuth(request.user(), "demo");
        HttpEntity<byte[]> entity = new HttpEntity<>(request.body() == null ? null
                : request.body().getBytes(StandardCharsets.UTF_8), headers);
        return rest.exchange(request.path(), request.method(), entity, String.class);
    }

    /**
     * A reason a client can show: a problem document (title and detail or code), or on Open311 the GeoReport error
     * list ({@code [{"code": 400, "description": ...}]}).
     */
    private boolean explains(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isArray() && !problem.isEmpty()) {
                return !problem.get(0).path("description").asText().isBlank();
            }
            return problem != null && !problem.path("title").asText().isBlank()
                    && (!problem.path("detail").asText().isBlank() || !problem.path("code").asText().isBlank());
        } catch (Exception notJson) {
            return false;
        }
    }

    private void assertHealthy() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("UP");
    }

    /** One malformed HTTP request: what it sends and as whom. */
    record BadRequest(HttpMethod method, String path, String contentType, String body, String user) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.substring(0, Math.min(80, body.length()));
            return method + " " + path + " [" + contentType + "] " + shown;
        }
    }
}
