package org.linli.deliberation;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Comments of the discussion ({@code dlb_comment}) and satisfaction ratings ({@code dlb_satisfaction}). */
@Repository
class CommentStore {

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(String topicNumber, int roundNumber, String userId, String text, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dlb_comment (topic_number, round_number, user_id, text, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(topicNumber, roundNumber, userId, text, TopicStore.ts(now)).update(key, "id");
        return key.getKey().longValue();
    }

    /** The discussion; author ids are for staff only, the query layer drops them for residents. */
    List<CommentRecord> of(String topicNumber) {
        return jdbc.sql("SELECT id, round_number, user_id, text, created_at FROM dlb_comment WHERE topic_number = ? ORDER BY id")
                .param(topicNumber).query((rs, n) -> new CommentRecord(rs.getLong("id"), rs.getInt("round_number"),
                        rs.getString("user_id"), rs.getString("text"), TopicStore.instant(rs, "created_at"))).list();
    }

    void rate(SqlDialect dialect, String topicNumber, long householdId, int rating, String userId, Instant now) {
        jdbc.sql(dialect.upsertSatisfaction()).params(topicNumber, householdId, rating, userId, TopicStore.ts(now))
                .update();
    }

    Satisfaction satisfaction(String topicNumber) {
        return jdbc.sql("SELECT COUNT(*) AS n, AVG(CAST(rating AS DECIMAL(5, 2))) AS average FROM dlb_satisfaction WHERE topic_number = ?")
                .param(topicNumber).query((rs, n) -> new Satisfaction(rs.getInt("n"), rs.getBigDecimal("average")))
                .single();
    }

    record CommentRecord(long id, int roundNumber, String userId, String text, Instant createdAt) {
    }

    record Satisfaction(int ratings, java.math.BigDecimal average) {
    }
}
