package org.linli.deliberation;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The two statements that differ between PostgreSQL and H2: the vote upsert and the shared lock a vote takes on
 * its round (H2 has only exclusive row locks, which serialises votes there; fine for the embedded default).
 */
@Component
class SqlDialect {

    private final boolean postgres;

    SqlDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database product", e);
        }
    }

    String shareLock() {
        return postgres ? " FOR SHARE" : " FOR UPDATE";
    }

    String upsertVote() {
        return postgres
                ? """
                  INSERT INTO dlb_vote (round_id, household_id, option_id, user_id, voted_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (round_id, household_id)
                  DO UPDATE SET option_id = EXCLUDED.option_id, user_id = EXCLUDED.user_id, voted_at = EXCLUDED.voted_at"""
                : """
                  MERGE INTO dlb_vote (round_id, household_id, option_id, user_id, voted_at) KEY (round_id, household_id)
                  VALUES (?, ?, ?, ?, ?)""";
    }

    String upsertSatisfaction() {
        return postgres
                ? """
                  INSERT INTO dlb_satisfaction (topic_number, household_id, rating, user_id, rated_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (topic_number, household_id)
                  DO UPDATE SET rating = EXCLUDED.rating, user_id = EXCLUDED.user_id, rated_at = EXCLUDED.rated_at"""
                : """
                  MERGE INTO dlb_satisfaction (topic_number, household_id, rating, user_id, rated_at)
                  KEY (topic_number, household_id) VALUES (?, ?, ?, ?, ?)""";
    }

    /** Inserts a points row unless one with the same source key exists. */
    String creditOnce() {
        return postgres
                ? """
                  INSERT INTO dlb_points (user_id, topic_number, kind, source_key, points, earned_at)
                  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING"""
                : """
                  INSERT INTO dlb_points (user_id, topic_number, kind, source_key, points, earned_at)
                  SELECT ?, ?, ?, ?, ?, ?
                   WHERE NOT EXISTS (SELECT 1 FROM dlb_points WHERE source_key = ?)""";
    }

    String nextTopicNumber() {
        return postgres ? "SELECT nextval('dlb_topic_number_seq')" : "SELECT NEXT VALUE FOR dlb_topic_number_seq";
    }

    boolean creditOnceRepeatsKey() {
        return !postgres;
    }
}
