package org.linli.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a resident's submission at most once per idempotency key. The key's row is written in the same transaction
 * as the submission, so a submission that failed leaves no row (the retry runs it), and one that committed answers
 * every retry with its stored answer. Two copies racing each other: the second one's insert waits for the first
 * and fails on the primary key, which rolls the second copy back; it then answers the first one's result.
 */
@Service
class Submissions {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    Submissions(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** What a submission answered; {@code replayed} when it ran before and this is its stored answer. */
    record Outcome(JsonNode body, boolean replayed) {
    }

    Outcome once(String userId, String key, String what, Object request, Supplier<Object> submission) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw PortalProblems.badIdempotencyKey();
        }
        String fingerprint = fingerprint(what, request);
        Outcome stored = stored(userId, key, fingerprint);
        if (stored != null) {
            return stored;
        }
        try {
            return transactions.execute(status -> {
                JsonNode body = json.valueToTree(submission.get());
                jdbc.update("INSERT INTO ptl_submission (user_id, idempotency_key, fingerprint, response, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", userId, key, fingerprint, body.toString(),
                        Timestamp.from(clock.instant()));
                return new Outcome(body, false);
            });
        } catch (DuplicateKeyException raced) {
            Outcome first = stored(userId, key, fingerprint);
            if (first == null) {
                throw raced;
            }
            return first;
        }
    }

    private Outcome stored(String userId, String key, String fingerprint) {
        List<String[]> rows = jdbc.query("SELECT fingerprint, response FROM ptl_submission "
                + "WHERE user_id = ? AND idempotency_key = ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                userId, key);
        if (rows.isEmpty()) {
            return null;
        }
        if (!rows.get(0)[0].equals(fingerprint)) {
            throw PortalProblems.keyReused();
        }
        try {
            return new Outcome(json.readTree(rows.get(0)[1]), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored submission " + key, e);
        }
    }

    private String fingerprint(String what, Object request) {
        try {
            byte[] content = (what + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
