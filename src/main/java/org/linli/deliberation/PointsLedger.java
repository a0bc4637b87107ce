package org.linli.deliberation;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participation points (公益积分), one row per credited act; the source key makes each act count once. */
@Repository
class PointsLedger {

    enum Kind {
        COMMENT, VOTE, ATTENDANCE
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    PointsLedger(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void credit(String userId, String topicNumber, Kind kind, String sourceKey, int points, Instant now) {
        if (points <= 0) {
            return;
        }
        List<Object> params = new java.util.ArrayList<>(List.of(userId, topicNumber, kind.name(), sourceKey, points,
                TopicStore.ts(now)));
        if (dialect.creditOnceRepeatsKey()) {
            params.add(sourceKey);
        }
        jdbc.sql(dialect.creditOnce()).params(params).update();
    }

    Balance balance(String userId) {
        List<Entry> entries = jdbc.sql("""
                SELECT topic_number, kind, points, earned_at FROM dlb_points WHERE user_id = ?
                 ORDER BY earned_at DESC, id DESC LIMIT 100""").param(userId)
                .query((rs, n) -> new Entry(rs.getString("topic_number"), rs.getString("kind"), rs.getInt("points"),
                        TopicStore.instant(rs, "earned_at"))).list();
        int total = jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM dlb_points WHERE user_id = ?").param(userId)
                .query(Integer.class).single();
        return new Balance(userId, total, entries);
    }

    record Balance(String userId, int total, List<Entry> latest) {
    }

    record Entry(String topicNumber, String kind, int points, Instant earnedAt) {
    }
}
