package org.linli.alarm;

/**
 * A message Linli could not accept, as published to the dead-letter topic (docs/devices.md).
 *
 * @param payload the payload as text (UTF-8, cut to 2 KiB), or base64 if it is not text
 */
record DeadLetter(String reason, String detail, String topic, String payload, String receivedAt) {
}
