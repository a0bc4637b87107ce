package org.linli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A match that no longer holds and has ended leaves five years after its last decision or answer; a match that still
 * holds, one under review and a younger one stay.
 */
@IntegrationTest
class ExpiredMatchPurgeIT {

    @Autowired
    ExpiredMatchPurge purge;

    @Autowired
    JdbcTemplate jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Instant sixYearsAgo = Instant.now().minus(6 * 365, ChronoUnit.DAYS);

    @Test
    void endedMatchesLeaveFiveYearsAfterTheirLastDecisionOrAnswer() {
        long resident = jdbc.queryForObject("SELECT id FROM bd_resident WHERE user_id = 'liu.yang'", Long.class);
        match(resident, "lapsed", "lapsed", false, sixYearsAgo, null);
        match(resident, "answered", "declined", false, sixYearsAgo, Instant.now().minus(30, ChronoUnit.DAYS));
        match(resident, "granted", "granted", true, sixYearsAgo, sixYearsAgo);
        match(resident, "review", "review", false, sixYearsAgo, sixYearsAgo);
        match(resident, "stopped", "stopped", false, Instant.now().minus(365, ChronoUnit.DAYS), null);
        try {
            assertThat(purge.purge()).isPositive();

            assertThat(jdbc.queryForList("SELECT policy FROM elg_match WHERE policy LIKE ?", String.class, run + "-%"))
                    .containsExactlyInAnyOrder(run + "-answered", run + "-granted", run + "-review", run + "-stopped");
        } finally {
            jdbc.update("DELETE FROM elg_match WHERE policy LIKE ?", run + "-%");
        }
    }

    private void match(long resident, String name, String state, boolean matched, Instant decidedAt, Instant outcomeAt) {
        jdbc.update("""
                INSERT INTO elg_match (resident_id, policy, policy_name, status, rule_id, reason, state, matched,
                                       first_matched_at, decided_at, outcome_at)
                VALUES (?, ?, '测试政策', 'eligible', 'test', '测试', ?, ?, ?, ?, ?)""",
                resident, run + "-" + name, state, matched, Timestamp.from(decidedAt), Timestamp.from(decidedAt),
                outcomeAt == null ? null : Timestamp.from(outcomeAt));
    }
}
