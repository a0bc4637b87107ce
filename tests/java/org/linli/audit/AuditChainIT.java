package org.linli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.ChildProcess;
import org.linli.support.IntegrationTest;
import org.linli.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on PostgreSQL: the database refuses edits, verification (endpoint and {@code bin/audit-verify}) names the
 * first changed or deleted entry (and, held against an anchor outside the database, entries dropped from the end),
 * concurrent appends stay one gapless chain, a write that rolls back leaves no entry, and readers see only their
 * own street or community.
 */
@IntegrationTest
class AuditChainIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    AuditAnchors anchors;

    @Autowired
    PlatformTransactionManager transactions;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theDatabaseRefusesToEditOrDeleteEntries() {
        long seq = append(AuditEvent.of("test.write", "test", UUID.randomUUID(), "xh01"));

        assertThatThrownBy(() -> jdbc.update("UPDATE aud_entry SET actor = 'someone.else' WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM aud_entry WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("TRUNCATE aud_entry")).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT actor FROM aud_entry WHERE seq = ?", String.class, seq))
                .isEqualTo("system");
    }

    @Test
    void verificationNamesAChangedAndADeletedEntry() throws Exception {
        long changed = append(AuditEvent.of("test.write", "test", "changed", "xh01"));
        long deleted = append(AuditEvent.of("test.write", "test", "deleted", "xh01"));
        append(AuditEvent.of("test.write", "test", "after", "xh01"));
        assertThat(verify().get("intact").asBoolean()).isTrue();

        // someone with the table owner's rights switches the guard off and edits, then deletes
        Map<String, Object> original = jdbc.queryForMap("SELECT * FROM aud_entry WHERE seq = ?", deleted);
        try {
            jdbc.execute("ALTER TABLE aud_entry DISABLE TRIGGER aud_entry_append_only");
            jdbc.update("UPDATE aud_entry SET object_id = 'edited' WHERE seq = ?", changed);
            JsonNode afterEdit = verify();
            assertThat(afterEdit.get("intact").asBoolean()).isFalse();
            assertThat(afterEdit.get("firstBroken").asLong()).isEqualTo(changed);
            assertThat(afterEdit.get("problem").asText()).isEqualTo("entry " + changed + " was changed");
            ChildProcess.Result command = auditVerifyCommand();
            assertThat(command.exit()).as(command.output()).isEqualTo(1);
            assertThat(command.output()).contains("audit chain BROKEN at entry " + changed + ": entry " + changed
                    + " was changed");
            jdbc.update("UPDATE aud_entry SET object_id = 'changed' WHERE seq = ?", changed);
            assertThat(verify().get("intact").asBoolean()).isTrue();

            jdbc.update("DELETE FROM aud_entry WHERE seq = ?", deleted);
            JsonNode afterDelete = verify();
            assertThat(afterDelete.get("intact").asBoolean()).isFalse();
            assertThat(afterDelete.get("firstBroken").asLong()).isEqualTo(deleted);
            assertThat(afterDelete.get("problem").asText()).contains("missing");
        } finally {
            if (jdbc.queryForObject("SELECT count(*) FROM aud_entry WHERE seq = ?", Long.class, deleted) == 0) {
                jdbc.update("INSERT INTO aud_entry (" + String.join(", ", original.keySet()) + ") VALUES ("
                        + "?, ".repeat(original.size() - 1) + "?)", original.values().toArray());
            }
            jdbc.execute("ALTER TABLE aud_entry ENABLE TRIGGER aud_entry_append_only");
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletingTheLastEntriesAndRewindingTheHeadIsCaughtByTheAnchor() throws Exception {
        long kept = append(AuditEvent.of("test.write", "test", "kept", "xh01"));
        String keptHash = jdbc.queryForObject("SELECT hash FROM aud_entry WHERE seq = ?", String.class, kept);
        append(AuditEvent.of("test.write", "test", "dropped-1", "xh01"));
        long last = append(AuditEvent.of("test.write", "test", "dropped-2", "xh01"));
        anchors.anchor();
        assertThat(verify().get("anchor").asText()).startsWith("entry " + last + " anchored at");

        // the owner drops the last two entries and sets the head back: the chain alone looks whole
        List<Map<String, Object>> dropped = jdbc.queryForList("SELECT * FROM aud_entry WHERE seq > ? ORDER BY seq",
                kept);
        try {
            jdbc.execute("ALTER TABLE aud_entry DISABLE TRIGGER aud_entry_append_only");
            jdbc.update("DELETE FROM aud_entry WHERE seq > ?", kept);
            jdbc.update("UPDATE aud_head SET seq = ?, hash = ? WHERE id = 1", kept, keptHash);
            JsonNode rewound = verify();
            assertThat(rewound.get("intact").asBoolean()).isFalse();
            assertThat(rewound.get("firstBroken").asLong()).isEqualTo(kept + 1);
            assertThat(rewound.get("problem").asText()).contains("the chain reached entry " + last);
        } finally {
            for (Map<String, Object> row : dropped) {
                Object seq = row.get("seq");
                if (jdbc.queryForObject("SELECT count(*) FROM aud_entry WHERE seq = ?", Long.class, seq) == 0) {
                    jdbc.update("INSERT INTO aud_entry (" + String.join(", ", row.keySet()) + ") VALUES ("
                            + "?, ".repeat(row.size() - 1) + "?)", row.values().toArray());
                }
            }
            jdbc.update("UPDATE aud_head SET seq = (SELECT max(seq) FROM aud_entry), hash = (SELECT hash FROM aud_entry"
                    + " WHERE seq = (SELECT max(seq) FROM aud_entry)) WHERE id = 1");
            jdbc.execute("ALTER TABLE aud_entry ENABLE TRIGGER aud_entry_append_only");
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void concurrentWritersBuildOneGaplessChain() throws Exception {
        long before = head();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    // two entries per transaction, as a write that also completes a task
                    int n = i;
                    new TransactionTemplate(transactions).executeWithoutResult(s -> {
                        log.record(AuditEvent.of("test.concurrent", "test", writer + "-" + n, "xh01"));
                        log.record(AuditEvent.of("test.concurrent", "test", writer + "-" + n + "b", "xh01"));
                    });
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        assertThat(head()).isGreaterThanOrEqualTo(before + 400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM aud_entry", Long.class)).isEqualTo(head());
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aWriteThatRollsBackLeavesNoEntry() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            log.record(AuditEvent.of("test.write", "test", id, "xh01"));
            throw new IllegalStateException("the write fails");
        })).hasMessage("the write fails");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM aud_entry WHERE object_id = ?", Long.class, id)).isZero();
    }

    @Test
    void readersSeeOnlyTheirOwnStreetOrCommunity() throws Exception {
        String id = UUID.randomUUID().toString();
        append(AuditEvent.of("test.write", "test", id, "xh01"));
        append(AuditEvent.of("test.write", "test", id, "xh02"));
        String query = "/api/audit?objectType=test&objectId=" + id;

        assertThat(communities(Api.as(rest, "wang.fang").get(query))).containsExactly("xh01");
        assertThat(communities(Api.as(rest, "chen.jun").get(query))).containsExactlyInAnyOrder("xh01", "xh02");
        assertThat(communities(Api.as(rest, "admin").get(query))).containsExactlyInAnyOrder("xh01", "xh02");

        ResponseEntity<String> resident = Api.as(rest, "liu.yang").get(query);
        assertThat(resident.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(resident.getBody()).get("code").asText()).isEqualTo("AUD-001");
        assertThat(Api.as(rest, "wang.fang").get("/api/audit/verify").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> badPeriod = Api.as(rest, "chen.jun")
                .get("/api/audit?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z");
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badPeriod.getBody()).get("code").asText()).isEqualTo("AUD-002");
    }

    private List<String> communities(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> communities = new ArrayList<>();
        json.readTree(response.getBody()).forEach(e -> communities.add(e.get("community").asText()));
        return communities;
    }

    private long append(AuditEvent event) {
        log.record(event);
        return head();
    }

    private long head() {
        return jdbc.queryForObject("SELECT seq FROM aud_head", Long.class);
    }

    /** {@code bin/audit-verify}, the operator's command: the packaged app on this run's database. */
    private static ChildProcess.Result auditVerifyCommand() {
        return ChildProcess.exec(null, Map.of("JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1"), List.of(
                "bin/audit-verify", "--spring.profiles.active=postgres", "--app.demo.enabled=false",
                "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=",
                "--spring.elasticsearch.uris=" + System.getProperty("linli.test.es.url", "http://127.0.0.1:9200"),
                "--app.audit.anchor-index=" + System.getProperty("app.audit.anchor-index", "linli-audit-anchors")));
    }

    private JsonNode verify() throws Exception {
        ResponseEntity<String> response = Api.as(rest, "chen.jun").get("/api/audit/verify");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }
}
