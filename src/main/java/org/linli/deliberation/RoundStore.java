package org.linli.deliberation;

import static org.linli.deliberation.TopicStore.instant;
import static org.linli.deliberation.TopicStore.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.linli.deliberation.Round.Option;
import org.linli.deliberation.Tally.OptionCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rounds, their options and votes ({@code dlb_round}, {@code dlb_option}, {@code dlb_vote}). */
@Repository
class RoundStore {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    RoundStore(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The latest round of the topic. */
    Optional<Round> current(String topicNumber) {
        return jdbc.sql("SELECT * FROM dlb_round WHERE topic_number = ? ORDER BY round_number DESC LIMIT 1")
                .param(topicNumber).query(RoundStore::round).optional();
    }

    List<Round> all(String topicNumber) {
        return jdbc.sql("SELECT * FROM dlb_round WHERE topic_number = ? ORDER BY round_number")
                .param(topicNumber).query(RoundStore::round).list();
    }

    /** The round, share-locked: votes go on together, closing waits for them and they wait for closing. */
    Round lockForVote(long roundId) {
        return jdbc.sql("SELECT * FROM dlb_round WHERE id = ?" + dialect.shareLock()).param(roundId)
                .query(RoundStore::round).single();
    }

    long open(String topicNumber, int roundNumber, Instant discussionEndsAt, List<String> options) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dlb_round (topic_number, round_number, status, discussion_ends_at) VALUES (?, ?, ?, ?)")
                .params(topicNumber, roundNumber, Round.Status.DISCUSSION.name(), ts(discussionEndsAt))
                .update(key, "id");
        long roundId = key.getKey().longValue();
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("INSERT INTO dlb_option (round_id, position, label) VALUES (?, ?, ?)")
                    .params(roundId, i + 1, options.get(i)).update();
        }
        return roundId;
    }

    List<Option> options(long roundId) {
        return jdbc.sql("SELECT id, position, label FROM dlb_option WHERE round_id = ? ORDER BY position")
                .param(roundId).query((rs, n) -> new Option(rs.getLong("id"), rs.getInt("position"),
                        rs.getString("label"))).list();
    }

    void openVoting(long roundId, Instant closesAt) {
        jdbc.sql("UPDATE dlb_round SET status = ?, voting_closes_at = ? WHERE id = ? AND status = ?")
                .params(Round.Status.VOTING.name(), ts(closesAt), roundId, Round.Status.DISCUSSION.name()).update();
    }

    void extend(long roundId, Instant closesAt) {
        jdbc.sql("UPDATE dlb_round SET voting_closes_at = ?, extended = TRUE WHERE id = ? AND status = ?")
                .params(ts(closesAt), roundId, Round.Status.VOTING.name()).update();
    }

    void upsertVote(long roundId, long householdId, long optionId, String userId, Instant now) {
        jdbc.sql(dialect.upsertVote()).params(roundId, householdId, optionId, userId, ts(now)).update();
    }

    /** Votes and the voters' frozen floor area per option, every option listed (zero if nobody chose it). */
    List<OptionCount> counts(long roundId) {
        return jdbc.sql("""
                SELECT o.id, o.label, COUNT(v.household_id) AS votes, COALESCE(SUM(p.floor_area), 0) AS area
                  FROM dlb_option o
                  JOIN dlb_round r ON r.id = o.round_id
                  LEFT JOIN dlb_vote v ON v.option_id = o.id
                  LEFT JOIN dlb_participant p ON p.topic_number = r.topic_number AND p.household_id = v.household_id
                 WHERE o.round_id = ?
                 GROUP BY o.id, o.label, o.position ORDER BY o.position""")
                .param(roundId).query((rs, n) -> new OptionCount(rs.getLong("id"), rs.getString("label"),
                        rs.getInt("votes"), rs.getBigDecimal("area"))).list();
    }

    /**
     * Closes a voting round for good; answers false if it was not voting. The row lock of this update waits for
     * votes still in flight (they hold a share lock) and makes later votes see the round closed.
     */
    boolean freeze(long roundId, Instant now) {
        return jdbc.sql("UPDATE dlb_round SET status = ?, closed_at = ? WHERE id = ? AND status = ?")
                .params(Round.Status.CLOSED.name(), ts(now), roundId, Round.Status.VOTING.name()).update() == 1;
    }

    void recordResult(long roundId, String result, Long decidedOptionId, int eligible, int voted,
            BigDecimal eligibleArea) {
        jdbc.sql("""
                UPDATE dlb_round SET result = ?, decided_option_id = ?, eligible_households = ?, voted_households = ?,
                       eligible_area = ? WHERE id = ?""")
                .params(result, decidedOptionId, eligible, voted, eligibleArea, roundId).update();
    }

    Optional<Long> voteOf(long roundId, long householdId) {
        return jdbc.sql("SELECT option_id FROM dlb_vote WHERE round_id = ? AND household_id = ?")
                .params(roundId, householdId).query(Long.class).optional();
    }

    /** Every vote of a round, for supervisors' audit. */
    List<VoteRecord> votes(long roundId) {
        return jdbc.sql("""
                SELECT h.household_no, o.label, v.user_id, v.voted_at
                  FROM dlb_vote v JOIN bd_household h ON h.id = v.household_id JOIN dlb_option o ON o.id = v.option_id
                 WHERE v.round_id = ? ORDER BY h.household_no""")
                .param(roundId).query((rs, n) -> new VoteRecord(rs.getString("household_no"), rs.getString("label"),
                        rs.getString("user_id"), instant(rs, "voted_at"))).list();
    }

    /** The votes one person cast, every round (their own data, for the export). */
    List<DeliberationQueries.CastVote> votesOf(String userId) {
        return jdbc.sql("""
                SELECT r.topic_number, r.round_number, o.label, v.voted_at
                  FROM dlb_vote v JOIN dlb_round r ON r.id = v.round_id JOIN dlb_option o ON o.id = v.option_id
                 WHERE v.user_id = ? ORDER BY v.voted_at""")
                .param(userId).query((rs, n) -> new DeliberationQueries.CastVote(rs.getString("topic_number"),
                        rs.getInt("round_number"), rs.getString("label"), instant(rs, "voted_at"))).list();
    }

    private static Round round(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getString("topic_number"), rs.getInt("round_number"),
                Round.Status.valueOf(rs.getString("status")), instant(rs, "discussion_ends_at"),
                instant(rs, "voting_closes_at"), rs.getBoolean("extended"), rs.getString("result"),
                (Long) rs.getObject("decided_option_id", Long.class),
                (Integer) rs.getObject("eligible_households", Integer.class),
                (Integer) rs.getObject("voted_households", Integer.class));
    }

    record VoteRecord(String householdNo, String option, String userId, Instant votedAt) {
    }
}
