package org.linli.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over a canonical serialization of an entry and the hash of the entry before it.
 * Each field is written as {@code <length>:<value>;} (a missing value as {@code -;}), so no choice of field
 * values can make two different entries serialize alike; the time is written in UTC with microseconds, as
 * both databases store it.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(e.seq()));
        field(canonical, e.prevHash());
        field(canonical, e.occurredAt().toString());
        field(canonical, e.actor());
        field(canonical, e.onBehalfOf());
        field(canonical, e.action());
        field(canonical, e.objectType());
        field(canonical, e.objectId());
        field(canonical, e.community());
        field(canonical, e.channel());
        field(canonical, e.detail());
        field(canonical, e.reason());
        return sha256(canonical.toString());
    }

    /** Time as stored: whole microseconds (PostgreSQL and H2 both keep six fractional digits). */
    static Instant storable(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
