package org.linli.tracking;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox table read by the indexer ({@code trk_outbox}); the engine side writes it in {@link OutboxHistoryEventHandler}. */
@Repository
class CaseOutbox {

    static final String INSERT = "INSERT INTO trk_outbox (process_instance_id, created_at) VALUES (?, ?)";

    private final JdbcTemplate jdbc;

    CaseOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest pending changes, in commit-independent sequence order. */
    List<Change> oldest(int limit) {
        return jdbc.query("SELECT seq, process_instance_id, created_at FROM trk_outbox ORDER BY seq LIMIT ?",
                (row, i) -> new Change(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant()), limit);
    }

    /** Removes exactly the changes that were indexed (rows committed meanwhile with lower numbers stay). */
    void remove(List<Change> changes) {
        jdbc.batchUpdate("DELETE FROM trk_outbox WHERE seq = ?", changes, 500,
                (statement, change) -> statement.setLong(1, change.seq()));
    }

    long pending() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM trk_outbox", Long.class);
        return count == null ? 0 : count;
    }

    /** The highest sequence number handed out so far (0 when none): the version of a rebuilt document. */
    long highWaterMark() {
        Long max = jdbc.queryForObject("SELECT MAX(seq) FROM trk_outbox", Long.class);
        return max == null ? 0 : max;
    }

    record Change(long seq, String processInstanceId, java.time.Instant createdAt) {
    }
}
