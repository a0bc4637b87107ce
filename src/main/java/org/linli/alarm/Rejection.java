package org.linli.alarm;

/**
 * Why a device message goes to the dead-letter topic instead of the engine. The code is the {@code reason} of the
 * dead letter and the tag of the {@code linli.alarm.deadletter} metric.
 */
public enum Rejection {
    MALFORMED_TOPIC("malformed-topic"),
    TOO_LARGE("payload-too-large"),
    BAD_JSON("bad-json"),
    SCHEMA_VIOLATION("schema-violation"),
    UNKNOWN_DEVICE("unknown-device"),
    WRONG_COMMUNITY("wrong-community"),
    PROCESSING_FAILED("processing-failed");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A rejection with its detail, thrown while reading a message; no stack trace, it is not a bug. */
    static final class RejectedMessage extends RuntimeException {

        private final Rejection reason;

        RejectedMessage(Rejection reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        Rejection reason() {
            return reason;
        }
    }
}
