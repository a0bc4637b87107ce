package org.linli.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linli.eligibility.PolicyDecisions.RentalGrade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** {@code elg_match}, {@code elg_rental_risk} and {@code elg_sweep}, written in JDBC batches. */
@Component
class MatchStore {

    private static final String VIEW = """
            SELECT m.id, m.resident_id, g.community_code, m.policy, m.policy_name, m.status, m.amount, m.period,
                   m.department, m.rule_id, m.reason, m.state, m.matched, m.first_matched_at, m.outcome_at,
                   m.process_instance_id
              FROM elg_match m
              JOIN bd_resident r ON r.id = m.resident_id
              JOIN bd_household h ON h.id = r.household_id
              JOIN bd_address a ON a.id = h.address_id
              JOIN bd_grid g ON g.code = a.grid_code
            """;
    private static final RowMapper<MatchView> MATCH_VIEW = MatchStore::view;

    private final JdbcTemplate jdbc;

    MatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, List<StoredMatch>> byResident(long from, long to) {
        Map<Long, List<StoredMatch>> matches = new HashMap<>();
        jdbc.query("""
                SELECT id, resident_id, policy, status, amount, rule_id, state, matched, outcome_at
                  FROM elg_match WHERE resident_id >= ? AND resident_id < ?""", rs -> {
            StoredMatch match = stored(rs);
            matches.computeIfAbsent(match.residentId(), id -> new java.util.ArrayList<>(2)).add(match);
        }, from, to);
        return matches;
    }

    void write(MatchReconciliation changes) {
        batch("""
                INSERT INTO elg_match (resident_id, policy, policy_name, status, amount, period, department, rule_id,
                       reason, state, matched, first_matched_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", changes.inserts);
        batch("""
                UPDATE elg_match SET status = ?, amount = ?, period = ?, department = ?, rule_id = ?, reason = ?,
                       state = ?, matched = TRUE, decided_at = ? WHERE id = ?""", changes.updates);
        batch("UPDATE elg_match SET state = ?, matched = FALSE, decided_at = ? WHERE id = ?", changes.unmatched);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** Eligible matches nobody has reached out about yet, oldest first. */
    List<MatchView> pendingOutreach(int limit) {
        return jdbc.query(VIEW + " WHERE m.state = 'new' AND m.status = 'eligible' ORDER BY m.id LIMIT ?", MATCH_VIEW,
                limit);
    }

    List<MatchView> pendingOutreachOf(long residentId) {
        return jdbc.query(VIEW + " WHERE m.state = 'new' AND m.status = 'eligible' AND m.resident_id = ? ORDER BY m.id",
                MATCH_VIEW, residentId);
    }

    Optional<MatchView> match(long id) {
        return jdbc.query(VIEW + " WHERE m.id = ?", MATCH_VIEW, id).stream().findFirst();
    }

    List<MatchView> ofResident(long residentId) {
        return jdbc.query(VIEW + " WHERE m.resident_id = ? ORDER BY m.id", MATCH_VIEW, residentId);
    }

    List<MatchView> ofCommunity(String communityCode, String state, int limit) {
        if (state == null) {
            return jdbc.query(VIEW + " WHERE g.community_code = ? ORDER BY m.id LIMIT ?", MATCH_VIEW, communityCode,
                    limit);
        }
        return jdbc.query(VIEW + " WHERE g.community_code = ? AND m.state = ? ORDER BY m.id LIMIT ?", MATCH_VIEW,
                communityCode, state, limit);
    }

    /** Takes a new match for outreach; false if another start (a sweep, a re-decision) took it first. */
    boolean claimForOutreach(long matchId) {
        return jdbc.update("UPDATE elg_match SET state = 'outreach' WHERE id = ? AND state = 'new'", matchId) == 1;
    }

    void markOutreach(long matchId, String processInstanceId) {
        jdbc.update("UPDATE elg_match SET process_instance_id = ? WHERE id = ?", processInstanceId, matchId);
    }

    void markReview(long matchId, String processInstanceId) {
        jdbc.update("UPDATE elg_match SET process_instance_id = ? WHERE id = ?", processInstanceId, matchId);
    }

    int recordOutcome(long matchId, String state, Instant at) {
        return jdbc.update("UPDATE elg_match SET state = ?, outcome_at = ? WHERE id = ?", state, Timestamp.from(at),
                matchId);
    }

    /** Matches per policy and status, for the sweep's answer and the dashboard. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT policy, status, COUNT(*) FROM elg_match WHERE matched GROUP BY policy, status",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                });
        return counts;
    }

    void saveRentalGrades(List<RentalGrade> grades, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("DELETE FROM elg_rental_risk");
        batch("""
                INSERT INTO elg_rental_risk (address_id, risk_level, inspections_per_month, rule_id, reason, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""", grades.stream().map(g -> new Object[] {g.addressId(), g.level(),
            g.inspectionsPerMonth(), g.ruleId(), g.reason(), now}).toList());
    }

    void saveSweep(Instant started, Instant finished, SweepResult result) {
        jdbc.update("""
                INSERT INTO elg_sweep (started_at, finished_at, residents, new_matches, lapsed, reviews, outreach, millis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(started), Timestamp.from(finished),
                result.residents(), result.newMatches(), result.lapsed(), result.reviews(), result.outreachStarted(),
                result.millis());
    }

    private static StoredMatch stored(ResultSet rs) throws SQLException {
        Timestamp outcome = rs.getTimestamp(9);
        return new StoredMatch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getString(6), rs.getString(7), rs.getBoolean(8), outcome == null ? null : outcome.toInstant());
    }

    private static MatchView view(ResultSet rs, int row) throws SQLException {
        Timestamp outcome = rs.getTimestamp(15);
        return new MatchView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getTimestamp(14).toInstant(),
                outcome == null ? null : outcome.toInstant(), rs.getString(16));
    }
}
