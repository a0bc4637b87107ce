package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A report request consolidated longer ago than its family's time to live (five years) leaves with its filings,
 * their versions and its consolidations; younger, unconsolidated and still-running requests stay.
 */
@IntegrationTest
class ExpiredReportPurgeIT {

    @Autowired
    ExpiredReportPurge purge;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate rest;

    private final Instant sixYearsAgo = Instant.now().minus(6 * 365, ChronoUnit.DAYS);

    @Test
    void requestsConsolidatedMoreThanFiveYearsAgoLeaveWithEverythingFiled() throws Exception {
        long expired = request("COMPLETE", UUID.randomUUID().toString());
        long filing = jdbc.queryForObject("INSERT INTO rpt_filing (request_id, community_code, status, submitted_at) "
                + "VALUES (?, 'xh01', 'SUBMITTED', ?) RETURNING id", Long.class, expired, Timestamp.from(sixYearsAgo));
        jdbc.update("INSERT INTO rpt_version (filing_id, version_no, kind, field_values, html, csv, created_by, "
                + "created_at) VALUES (?, 1, 'SUBMITTED', '{}', '<td>周桂兰</td>', '周桂兰', 'wang.fang', ?)", filing,
                Timestamp.from(sixYearsAgo));
        consolidation(expired, sixYearsAgo);
        long recent = request("PARTIAL", UUID.randomUUID().toString());
        consolidation(recent, Instant.now().minus(1, ChronoUnit.DAYS));
        long open = request("OPEN", UUID.randomUUID().toString());
        // a request whose process still runs: a late community may still file, whatever the consolidation's age
        long running = new ObjectMapper().readTree(Api.as(rest, "chen.jun").post("/api/reports", """
                {"reportType":"population-change","period":"2020-10","deadline":"%s","communities":["xh01"]}"""
                .formatted(Instant.now().plus(Duration.ofDays(3)))).getBody()).get("id").asLong();
        jdbc.update("UPDATE rpt_request SET status = 'PARTIAL' WHERE id = ?", running);
        consolidation(running, sixYearsAgo);

        assertThat(purge.purge()).isPositive();

        assertThat(jdbc.queryForList("SELECT id FROM rpt_request WHERE id IN (?, ?, ?, ?)", Long.class, expired, recent,
                open, running)).containsExactlyInAnyOrder(recent, open, running);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_filing WHERE request_id = ?", Integer.class, expired))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_version WHERE filing_id = ?", Integer.class, filing))
                .as("the filed roster named a resident").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rpt_consolidation WHERE request_id = ?", Integer.class,
                expired)).isZero();
        assertThat(Api.as(rest, "chen.jun").get("/api/reports/" + expired).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private long request(String status, String processInstanceId) {
        return jdbc.queryForObject("INSERT INTO rpt_request (report_type, period, deadline, requested_by, review_group, "
                + "process_instance_id, status, created_at) VALUES ('population-change', '2020-01', ?, 'chen.jun', "
                + "'street-xh', ?, ?, ?) RETURNING id", Long.class, Timestamp.from(sixYearsAgo), processInstanceId,
                status, Timestamp.from(sixYearsAgo));
    }

    private void consolidation(long request, Instant at) {
        jdbc.update("INSERT INTO rpt_consolidation (request_id, version_no, complete, missing, html, csv, created_at) "
                + "VALUES (?, 1, TRUE, '', '<p>汇总</p>', '汇总', ?)", request, Timestamp.from(at));
    }
}
