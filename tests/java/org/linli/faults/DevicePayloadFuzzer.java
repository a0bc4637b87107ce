package org.linli.faults;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;

/**
 * Repeatable device messages, most of them broken on purpose: random bytes, truncated or bit-flipped JSON, missing or
 * mistyped fields, invalid UTF-8, deep nesting, oversize payloads, unknown devices and communities. One in fifteen is a
 * valid heartbeat, so the app's good path runs in between. Every message has its own event id where it has one.
 */
final class DevicePayloadFuzzer {

    private final SplittableRandom random;

    DevicePayloadFuzzer(SplittableRandom random) {
        this.random = random;
    }

    record Message(String topic, byte[] payload) {
    }

    Message next(int n, String deviceId) {
        String eventId = "fz-" + n;
        String valid = payload(eventId, "\"heartbeat\"", "\"info\"", "\"" + OffsetDateTime.now() + "\"",
                "{\"battery\":" + random.nextInt(100) + "}");
        String topic = "linli/xh01/devices/" + deviceId + "/events";
        return switch (n % 15) {
            case 0 -> new Message(topic, utf8(valid));
            case 1 -> new Message(topic, randomBytes(random.nextInt(0, 400)));
            case 2 -> new Message(topic, utf8(valid.substring(0, random.nextInt(valid.length()))));
            case 3 -> new Message(topic, flipBytes(utf8(valid), 1 + random.nextInt(4)));
            case 4 -> new Message(topic, utf8(valid.replaceFirst("\"" + pick("eventId", "type", "severity", "ts")
                    + "\":[^,}]+,?", "")));
            case 5 -> new Message(topic, utf8(payload(pick(eventId, "", "x".repeat(65), "空格 id", "a/b"),
                    pick("\"smokey\"", "42", "null", "[\"smoke\"]", "\"\""), pick("\"extreme\"", "1", "{}"),
                    pick("\"2026-11-24T08:00:00\"", "\"yesterday\"", "1732435200", "\"+99999-01-01T00:00:00Z\""),
                    "{}")));
            case 6 -> new Message(topic, invalidUtf8(valid));
            case 7 -> {
                int depth = random.nextInt(500, 2_000);
                yield new Message(topic, utf8(payload(eventId, "\"heartbeat\"", "\"info\"", "\"" + OffsetDateTime.now()
                    + "\"", "[".repeat(depth) + "]".repeat(depth))));
            }
            case 8 -> new Message(topic, utf8(payload(eventId, "\"heartbeat\"", "\"info\"", "\"" + OffsetDateTime.now()
                    + "\"", "{\"blob\":\"" + "数".repeat(random.nextInt(1_400, 4_000)) + "\"}")));
            case 9 -> new Message(topic, utf8(pick("", " ", "null", "[]", "\"text\"", "123", "{}", "{\"eventId\":}",
                    "\uFEFF" + valid, valid + valid, valid.replace("{\"eventId\"", "{\"eventId\":1,\"eventId\""))));
            case 10 -> new Message("linli/xh01/devices/fuzz-ghost-" + random.nextInt(1_000) + "/events", utf8(valid));
            case 11 -> new Message("linli/" + pick("xh02", "nowhere", "%", "社区") + "/devices/" + deviceId + "/events",
                    utf8(valid));
            case 12 -> new Message(topic, utf8(payload(eventId, "\"heartbeat\"", "\"info\"",
                    "\"" + OffsetDateTime.now() + "\"", pick("\"text\"", "[1,2]", "1e999999", "-0", "true",
                            "{\"n\":" + "9".repeat(2_000) + "}"))));
            case 13 -> new Message(topic, utf8(valid.replace("}", ",\"extra\":\"" + "\u0000\u0007" + "\"}")));
            default -> new Message(topic, randomBytes(random.nextInt(9_000, 20_000)));
        };
    }

    private static String payload(String eventId, String type, String severity, String ts, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":" + type + ",\"severity\":" + severity + ",\"ts\":" + ts
                + ",\"data\":" + data + "}";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] flipBytes(byte[] bytes, int flips) {
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private byte[] invalidUtf8(String text) {
        byte[] bytes = utf8(text);
        bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x40));
        bytes[random.nextInt(bytes.length)] = (byte) 0xC0;
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
