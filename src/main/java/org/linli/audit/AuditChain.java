package org.linli.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hash-chained table {@code aud_entry}. Appends take the single {@code aud_head} row FOR UPDATE: concurrent
 * transactions queue there, each entry gets the next gapless number and the hash of the entry before it, and the
 * lock is held only from the append to the commit (the log appends just before commit, see {@link AuditLog}).
 */
@Component
class AuditChain {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entries in order; must run inside the transaction of the writes they record. */
    List<AuditEntry> append(List<AuditEntry> unchained) {
        Head head = jdbc.queryForObject("SELECT seq, hash FROM aud_head WHERE id = 1 FOR UPDATE",
                (rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash")));
        long seq = head.seq();
        String previous = head.hash();
        List<AuditEntry> chained = new ArrayList<>(unchained.size());
        for (AuditEntry e : unchained) {
            AuditEntry entry = e.chained(++seq, previous);
            chained.add(entry);
            previous = entry.hash();
        }
        jdbc.batchUpdate("""
                INSERT INTO aud_entry (seq, occurred_at, actor, on_behalf_of, action, object_type, object_id,
                                       community_code, channel, detail, reason, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", chained, chained.size(), (ps, e) -> {
            ps.setLong(1, e.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
            ps.setString(3, e.actor());
            ps.setString(4, e.onBehalfOf());
            ps.setString(5, e.action());
            ps.setString(6, e.objectType());
            ps.setString(7, e.objectId());
            ps.setString(8, e.community());
            ps.setString(9, e.channel());
            ps.setString(10, e.detail());
            ps.setString(11, e.reason());
            ps.setString(12, e.prevHash());
            ps.setString(13, e.hash());
        });
        jdbc.update("UPDATE aud_head SET seq = ?, hash = ? WHERE id = 1", seq, previous);
        return chained;
    }

    /** Walks the whole chain in order and names the first entry that is missing, changed or out of place. */
    AuditVerification verify() {
        Head head = jdbc.queryForObject("SELECT seq, hash FROM aud_head WHERE id = 1",
                (rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash")));
        long expectedSeq = 1;
        String previous = AuditHash.GENESIS;
        while (true) {
            List<AuditEntry> page = jdbc.query("SELECT * FROM aud_entry WHERE seq >= ? ORDER BY seq LIMIT " + PAGE,
                    AuditChain::entry, expectedSeq);
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return AuditVerification.broken(expectedSeq - 1, expectedSeq,
                            "entry " + expectedSeq + " is missing (deleted)");
                }
                if (!e.prevHash().equals(previous)) {
                    return AuditVerification.broken(expectedSeq - 1, e.seq(),
                            "entry " + e.seq() + " does not follow entry " + (e.seq() - 1) + " (an entry before it changed)");
                }
                if (!e.hash().equals(e.expectedHash())) {
                    return AuditVerification.broken(expectedSeq - 1, e.seq(), "entry " + e.seq() + " was changed");
                }
                previous = e.hash();
                expectedSeq++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long last = expectedSeq - 1;
        if (head.seq() != last || !head.hash().equals(previous)) {
            return AuditVerification.broken(last, last + 1,
                    "entries after " + last + " are missing (the head says " + head.seq() + ")");
        }
        return AuditVerification.intact(last);
    }

    /** The hash of entry {@code seq}; empty when there is no such entry. */
    Optional<String> hashOf(long seq) {
        return jdbc.queryForList("SELECT hash FROM aud_entry WHERE seq = ?", String.class, seq).stream().findFirst();
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("on_behalf_of"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("community_code"),
                rs.getString("channel"), rs.getString("detail"), rs.getString("reason"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }
}
