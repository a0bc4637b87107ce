package org.linli.deliberation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.linli.deliberation.Topic.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Topics and their co-signatures ({@code dlb_topic}, {@code dlb_co_signature}). */
@Repository
class TopicStore {

    private final JdbcClient jdbc;

    TopicStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Topic t) {
        jdbc.sql("""
                INSERT INTO dlb_topic (topic_number, process_instance_id, title, description, topic_type, community_code,
                       affected_area, proposed_by, by_community, status, co_sign_deadline, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.topicNumber(), t.processInstanceId(), t.title(), t.description(), t.topicType(),
                        t.communityCode(), t.affectedArea(), t.proposedBy(), t.byCommunity(), t.status().name(),
                        ts(t.coSignDeadline()), ts(t.createdAt()), ts(t.createdAt()))
                .update();
    }

    Optional<Topic> find(String topicNumber) {
        return jdbc.sql("SELECT * FROM dlb_topic WHERE topic_number = ?").param(topicNumber).query(TopicStore::topic)
                .optional();
    }

    /** The topic, or DLB-001. */
    Topic load(String topicNumber) {
        return find(topicNumber).orElseThrow(() -> DeliberationProblems.topicNotFound(topicNumber));
    }

    /** The topic, locked until the transaction ends, so its state changes one at a time. */
    Topic lock(String topicNumber) {
        return jdbc.sql("SELECT * FROM dlb_topic WHERE topic_number = ? FOR UPDATE").param(topicNumber)
                .query(TopicStore::topic).optional()
                .orElseThrow(() -> DeliberationProblems.topicNotFound(topicNumber));
    }

    List<Topic> ofCommunity(String communityCode, int limit) {
        return jdbc.sql("SELECT * FROM dlb_topic WHERE community_code = ? ORDER BY created_at DESC, topic_number DESC LIMIT ?")
                .params(communityCode, limit).query(TopicStore::topic).list();
    }

    void setStatus(String topicNumber, Status status, Instant now) {
        update(topicNumber, "status = ?", now, status.name());
    }

    /** Sets one or more columns ({@code "a = ?, b = ?"}) and the update time. */
    void update(String topicNumber, String assignments, Instant now, Object... values) {
        Object[] params = new Object[values.length + 2];
        for (int i = 0; i < values.length; i++) {
            params[i] = values[i] instanceof Instant instant ? ts(instant) : values[i];
        }
        params[values.length] = ts(now);
        params[values.length + 1] = topicNumber;
        jdbc.sql("UPDATE dlb_topic SET " + assignments + ", updated_at = ? WHERE topic_number = ?").params(params)
                .update();
    }

    /** Adds a household's co-signature; answers false if the household had signed already. */
    boolean coSign(String topicNumber, long householdId, String userId, Instant now) {
        int count = jdbc.sql("SELECT COUNT(*) FROM dlb_co_signature WHERE topic_number = ? AND household_id = ?")
                .params(topicNumber, householdId).query(Integer.class).single();
        if (count > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO dlb_co_signature (topic_number, household_id, user_id, signed_at) VALUES (?, ?, ?, ?)")
                .params(topicNumber, householdId, userId, ts(now)).update();
        return true;
    }

    int coSignCount(String topicNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM dlb_co_signature WHERE topic_number = ?").param(topicNumber)
                .query(Integer.class).single();
    }

    /** Users who proposed or co-signed: they hear about screening. */
    List<String> supporters(String topicNumber) {
        return jdbc.sql("""
                SELECT user_id FROM dlb_co_signature WHERE topic_number = ?
                 UNION SELECT proposed_by FROM dlb_topic WHERE topic_number = ?""")
                .params(topicNumber, topicNumber).query(String.class).list();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Topic topic(ResultSet rs, int row) throws SQLException {
        return new Topic(rs.getString("topic_number"), rs.getString("process_instance_id"), rs.getString("title"),
                rs.getString("description"), rs.getString("topic_type"), rs.getString("community_code"),
                rs.getString("affected_area"), rs.getString("proposed_by"), rs.getBoolean("by_community"),
                Status.valueOf(rs.getString("status")), instant(rs, "co_sign_deadline"), rs.getString("decline_reason"),
                rs.getString("merged_into"), (Integer) rs.getObject("quorum_percent", Integer.class),
                rs.getString("majority_type"), (Integer) rs.getObject("max_rounds", Integer.class),
                rs.getString("responsible_group"), rs.getString("outcome"), instant(rs, "implementation_due_at"),
                rs.getBoolean("implementation_overdue"), rs.getString("implementation_report"),
                instant(rs, "satisfaction_closes_at"), instant(rs, "created_at"));
    }
}
