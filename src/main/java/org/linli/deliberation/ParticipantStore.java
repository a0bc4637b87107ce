package org.linli.deliberation;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who deliberates ({@code dlb_participant}). A login acts for the household of the resident it belongs to
 * ({@code bd_resident.user_id}, linked by clerks in base data).
 */
@Repository
class ParticipantStore {

    private final JdbcClient jdbc;

    ParticipantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addHousehold(String topicNumber, long householdId, BigDecimal floorArea) {
        jdbc.sql("INSERT INTO dlb_participant (topic_number, kind, household_id, floor_area) VALUES (?, 'HOUSEHOLD', ?, ?)")
                .params(topicNumber, householdId, floorArea).update();
    }

    void addRepresentative(String topicNumber, String userOrGroupId) {
        jdbc.sql("INSERT INTO dlb_participant (topic_number, kind, representative) VALUES (?, 'REPRESENTATIVE', ?)")
                .params(topicNumber, userOrGroupId).update();
    }

    boolean isHousehold(String topicNumber, long householdId) {
        return jdbc.sql("SELECT COUNT(*) FROM dlb_participant WHERE topic_number = ? AND household_id = ?")
                .params(topicNumber, householdId).query(Integer.class).single() > 0;
    }

    /** Is the user, or one of the groups, an invited representative of the topic? */
    boolean isRepresentative(String topicNumber, List<String> userAndGroups) {
        return jdbc.sql("SELECT representative FROM dlb_participant WHERE topic_number = ? AND kind = 'REPRESENTATIVE'")
                .param(topicNumber).query(String.class).list().stream().anyMatch(userAndGroups::contains);
    }

    Eligible eligible(String topicNumber) {
        return jdbc.sql("""
                SELECT COUNT(*) AS households, COALESCE(SUM(floor_area), 0) AS area
                  FROM dlb_participant WHERE topic_number = ? AND kind = 'HOUSEHOLD'""")
                .param(topicNumber).query((rs, n) -> new Eligible(rs.getInt("households"), rs.getBigDecimal("area")))
                .single();
    }

    List<String> representatives(String topicNumber) {
        return jdbc.sql("SELECT representative FROM dlb_participant WHERE topic_number = ? AND kind = 'REPRESENTATIVE' ORDER BY id")
                .param(topicNumber).query(String.class).list();
    }

    /** Logins of the participating households, for notifications. */
    List<String> householdUsers(String topicNumber) {
        return jdbc.sql("""
                SELECT r.user_id FROM bd_resident r
                  JOIN dlb_participant p ON p.household_id = r.household_id
                 WHERE p.topic_number = ? AND r.user_id IS NOT NULL ORDER BY r.user_id""").param(topicNumber)
                .query(String.class).list();
    }

    /** Logins of participating households that have not voted in the round. */
    List<String> nonVoterUsers(String topicNumber, long roundId) {
        return jdbc.sql("""
                SELECT r.user_id FROM bd_resident r
                  JOIN dlb_participant p ON p.household_id = r.household_id
                 WHERE p.topic_number = ? AND r.user_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM dlb_vote v WHERE v.round_id = ? AND v.household_id = p.household_id)
                 ORDER BY r.user_id""").params(topicNumber, roundId).query(String.class).list();
    }

    record Eligible(int households, BigDecimal area) {
    }
}
