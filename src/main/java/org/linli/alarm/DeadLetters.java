package org.linli.alarm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import org.linli.alarm.EventBatchProcessor.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends rejected messages to the dead-letter topic with their reason, and counts them
 * ({@code linli_alarm_deadletter_total{reason}}). The payload is quoted, never logged.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final int MAX_QUOTED_BYTES = 2048;

    private final ObjectProvider<DeadLetterPublisher> publisher;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    DeadLetters(ObjectProvider<DeadLetterPublisher> publisher, ObjectMapper json, MeterRegistry meters, Clock clock) {
        this.publisher = publisher;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    void send(Rejected rejected) {
        meters.counter("linli.alarm.deadletter", "reason", rejected.reason().code()).increment();
        InboundMessage message = rejected.message();
        String topic = message.topic() != null ? message.topic() : "linli/" + message.internal().communityCode()
                + "/devices/" + message.internal().deviceId() + "/events";
        log.warn("Dead letter ({}) from {}: {}", rejected.reason().code(), topic, rejected.detail());
        DeadLetter letter = new DeadLetter(rejected.reason().code(), rejected.detail(), topic,
                quote(message), clock.instant().toString());
        try {
            byte[] body = json.writeValueAsBytes(letter);
            publisher.ifAvailable(target -> target.publishDeadLetter(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dead letter is always serialisable", e);
        }
    }

    private static String quote(InboundMessage message) {
        if (message.payload() == null) {
            return message.internal() != null ? message.internal().eventId() : null;
        }
        byte[] head = Arrays.copyOf(message.payload(), Math.min(message.payload().length, MAX_QUOTED_BYTES));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(head);
        }
    }

    /** Where dead letters go: the broker, when MQTT is on. */
    interface DeadLetterPublisher {
        void publishDeadLetter(byte[] body);
    }
}
