package org.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A grievance closed longer ago than its family's time to live (five years) leaves with its timeline, photos and
 * notifications; younger closed cases and open cases of any age stay.
 */
@IntegrationTest
class ExpiredCasePurgeIT {

    @Autowired
    ExpiredCasePurge purge;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Instant now = Instant.now();

    @Test
    void expiredCasesLeaveWithTheirTimelinePhotosAndNotifications() {
        String expired = insertCase("E", now.minus(6 * 365, ChronoUnit.DAYS), null);
        String mergedIntoExpired = insertCase("M", now.minus(6 * 365 + 1, ChronoUnit.DAYS), expired);
        String closedLastYear = insertCase("K", now.minus(365, ChronoUnit.DAYS), null);
        String openForYears = insertCase("O", null, null);
        // data older than the rule that a case merges only into an open one: it outlives its target
        String outlivesItsTarget = insertCase("L", now.minus(365, ChronoUnit.DAYS), expired);
        List<String> all = List.of(expired, mergedIntoExpired, closedLastYear, openForYears, outlivesItsTarget);
        for (String caseNumber : all) {
            jdbc.sql("""
                    INSERT INTO grv_case_event (case_number, occurred_at, type, actor, text, visible_to_reporter)
                    VALUES (?, ?, 'RECEIVED', 'liu.yang', '已收到', TRUE)""")
                    .params(caseNumber, Timestamp.from(now)).update();
            jdbc.sql("""
                    INSERT INTO bd_notification (recipient, recipient_type, title, body, reference, created_at)
                    VALUES ('liu.yang', 'USER', '已收到您的诉求', '已收到', ?, ?)""")
                    .params(caseNumber, Timestamp.from(now)).update();
        }
        jdbc.sql("""
                INSERT INTO grv_attachment (id, case_number, purpose, content_type, size_bytes, sha256, uploaded_by,
                                            uploaded_at, content)
                VALUES (?, ?, 'REPORT', 'image/png', 1, ?, 'liu.yang', ?, ?)""")
                .params(UUID.randomUUID().toString(), expired, "0".repeat(64), Timestamp.from(now), new byte[] {1})
                .update();

        try {
            assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

            assertThat(existing("grv_case")).containsExactlyInAnyOrder(closedLastYear, openForYears, outlivesItsTarget);
            assertThat(existing("grv_case_event")).containsExactlyInAnyOrder(closedLastYear, openForYears,
                    outlivesItsTarget);
            assertThat(existing("grv_attachment")).isEmpty();
            assertThat(jdbc.sql("SELECT reference FROM bd_notification WHERE reference IN (:cases)")
                    .param("cases", all).query(String.class).list())
                    .containsExactlyInAnyOrder(closedLastYear, openForYears, outlivesItsTarget);
            assertThat(jdbc.sql("SELECT merged_into FROM grv_case WHERE case_number = ?").param(outlivesItsTarget)
                    .query(String.class).optional()).isEmpty();
        } finally {
            // other tests count the demo community's cases
            jdbc.sql("DELETE FROM bd_notification WHERE reference IN (:cases)").param("cases", all).update();
            jdbc.sql("DELETE FROM grv_case_event WHERE case_number IN (:cases)").param("cases", all).update();
            jdbc.sql("DELETE FROM grv_attachment WHERE case_number IN (:cases)").param("cases", all).update();
            jdbc.sql("UPDATE grv_case SET merged_into = NULL WHERE case_number IN (:cases)").param("cases", all)
                    .update();
            jdbc.sql("DELETE FROM grv_case WHERE case_number IN (:cases)").param("cases", all).update();
        }
    }

    private String insertCase(String kind, Instant closedAt, String mergedInto) {
        String caseNumber = "GR-1999-" + kind + run;
        Instant createdAt = (closedAt == null ? now : closedAt).minus(30, ChronoUnit.DAYS)
                .minus(closedAt == null ? 3650 : 0, ChronoUnit.DAYS);
        jdbc.sql("""
                INSERT INTO grv_case (case_number, channel, category, urgency, description, community_code,
                                      address_text, status, merged_into, created_at, updated_at, closed_at)
                VALUES (?, 'PORTAL', 'environment', 'NORMAL', '楼道垃圾无人清理', 'xh01', '幸福路12号', ?, ?, ?, ?, ?)""")
                .params(caseNumber, closedAt == null ? "DISPATCHED" : mergedInto == null ? "CLOSED" : "MERGED",
                        mergedInto, Timestamp.from(createdAt), Timestamp.from(createdAt),
                        closedAt == null ? null : Timestamp.from(closedAt))
                .update();
        return caseNumber;
    }

    private List<String> existing(String table) {
        return jdbc.sql("SELECT DISTINCT case_number FROM " + table + " WHERE case_number LIKE ?")
                .param("GR-1999-%" + run).query(String.class).list();
    }
}
