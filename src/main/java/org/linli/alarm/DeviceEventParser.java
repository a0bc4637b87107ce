package org.linli.alarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.linli.alarm.Rejection.RejectedMessage;
import org.springframework.stereotype.Component;

/**
 * Reads a device message: topic {@code linli/{communityId}/devices/{deviceId}/events}, payload validated against
 * {@code alarm/device-event.schema.json}. Anything else is a {@link RejectedMessage} naming the reason.
 */
@Component
public class DeviceEventParser {

    static final String SCHEMA = "alarm/device-event.schema.json";
    private static final Pattern TOPIC = Pattern.compile("linli/([A-Za-z0-9_-]{1,32})/devices/([A-Za-z0-9_-]{1,64})/events");
    private static final int MAX_DATA_CHARS = 4000;

    private final ObjectMapper json;
    private final JsonSchema schema;
    private final int maxPayloadBytes;

    DeviceEventParser(ObjectMapper json, AlarmProperties properties) {
        this.json = json;
        this.maxPayloadBytes = properties.maxPayloadBytes();
        this.schema = loadSchema();
    }

    /** The device id in a topic, or {@code null} if the topic is not a device-event topic. */
    static String deviceIdOf(String topic) {
        Matcher matcher = TOPIC.matcher(topic);
        return matcher.matches() ? matcher.group(2) : null;
    }

    public DeviceEvent parse(String topic, byte[] payload) {
        Matcher matcher = TOPIC.matcher(topic);
        if (!matcher.matches()) {
            throw new RejectedMessage(Rejection.MALFORMED_TOPIC,
                    "topic must be linli/{communityId}/devices/{deviceId}/events, was " + topic);
        }
        if (payload.length > maxPayloadBytes) {
            throw new RejectedMessage(Rejection.TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        JsonNode node = readJson(payload);
        Set<ValidationMessage> violations = schema.validate(node);
        if (!violations.isEmpty()) {
            throw new RejectedMessage(Rejection.SCHEMA_VIOLATION, violations.stream().map(ValidationMessage::getMessage)
                    .sorted().collect(Collectors.joining("; ")));
        }
        String data = node.has("data") ? node.get("data").toString() : null;
        if (data != null && data.length() > MAX_DATA_CHARS) {
            throw new RejectedMessage(Rejection.TOO_LARGE, "data object exceeds " + MAX_DATA_CHARS + " characters");
        }
        EventType type = EventType.fromWireName(node.get("type").asText())
                .orElseThrow(() -> new IllegalStateException("schema and EventType disagree on " + node.get("type")));
        return new DeviceEvent(matcher.group(2), matcher.group(1), node.get("eventId").asText(), type,
                node.get("severity").asText(), timestamp(node.get("ts").asText()), data);
    }

    private JsonNode readJson(byte[] payload) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
            JsonNode node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RejectedMessage(Rejection.BAD_JSON, "empty payload");
            }
            return node;
        } catch (CharacterCodingException e) {
            throw new RejectedMessage(Rejection.BAD_JSON, "payload is not UTF-8");
        } catch (JsonProcessingException e) {
            throw new RejectedMessage(Rejection.BAD_JSON, "payload is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedMessage(Rejection.SCHEMA_VIOLATION, "$.ts: not a date-time with offset: " + text);
        }
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = DeviceEventParser.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
