package org.linli.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows of report filing. Versions and consolidations are only ever inserted: a submitted report is never
 * updated, and once a filing is submitted no further version is accepted ({@link #addVersion}).
 */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long createRequest(String type, String period, Instant deadline, String requestedBy, String reviewGroup,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rpt_request (report_type, period, deadline, requested_by, review_group, status, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?)")
                .params(type, period, Timestamp.from(deadline), requestedBy, reviewGroup, Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void createFiling(long requestId, String communityCode) {
        jdbc.sql("INSERT INTO rpt_filing (request_id, community_code, status) VALUES (?, ?, 'OPEN')")
                .params(requestId, communityCode).update();
    }

    void setProcessInstance(long requestId, String processInstanceId) {
        jdbc.sql("UPDATE rpt_request SET process_instance_id = ? WHERE id = ?").params(processInstanceId, requestId)
                .update();
    }

    void setRequestStatus(long requestId, String status) {
        jdbc.sql("UPDATE rpt_request SET status = ? WHERE id = ?").params(status, requestId).update();
    }

    Optional<Request> request(long id) {
        return jdbc.sql("SELECT id, report_type, period, deadline, requested_by, review_group, process_instance_id, "
                + "status FROM rpt_request WHERE id = ?").param(id)
                .query((rs, n) -> new Request(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    List<Filing> filings(long requestId) {
        return jdbc.sql(FILING + "WHERE f.request_id = ? ORDER BY f.community_code").param(requestId)
                .query(ReportStore::filing).list();
    }

    Filing filing(long requestId, String communityCode) {
        return jdbc.sql(FILING + "WHERE f.request_id = ? AND f.community_code = ?").params(requestId, communityCode)
                .query(ReportStore::filing).optional()
                .orElseThrow(() -> ReportProblems.versionNotFound("No filing of " + communityCode + " in request "
                        + requestId));
    }

    private static final String FILING = "SELECT f.id, f.request_id, f.community_code, c.name, c.street_code, "
            + "f.status, f.overdue, f.return_count, f.submitted_at, f.submitted_by, "
            + "(SELECT COALESCE(MAX(v.version_no), 0) FROM rpt_version v WHERE v.filing_id = f.id) "
            + "FROM rpt_filing f JOIN bd_community c ON c.code = f.community_code ";

    private static Filing filing(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp submitted = rs.getTimestamp(9);
        return new Filing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getInt(8), submitted == null ? null : submitted.toInstant(),
                rs.getString(10), rs.getInt(11));
    }

    /** Appends a version; refuses once the filing is submitted. Answers the new version number. */
    int addVersion(Filing filing, String kind, String valuesJson, String html, String csv, String by, Instant now) {
        int locked = jdbc.sql("UPDATE rpt_filing SET status = status WHERE id = ? AND status <> 'SUBMITTED'")
                .param(filing.id()).update();
        if (locked == 0) {
            throw ReportProblems.alreadySubmitted(filing.id());
        }
        int next = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM rpt_version WHERE filing_id = ?")
                .param(filing.id()).query(Integer.class).single();
        jdbc.sql("INSERT INTO rpt_version (filing_id, version_no, kind, field_values, html, csv, created_by, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(filing.id(), next, kind, valuesJson, html, csv, by, Timestamp.from(now)).update();
        return next;
    }

    Optional<Version> latestVersion(long filingId) {
        return jdbc.sql(VERSION + "WHERE filing_id = ? ORDER BY version_no DESC FETCH FIRST 1 ROWS ONLY")
                .param(filingId).query(ReportStore::version).optional();
    }

    Optional<Version> version(long filingId, int versionNo) {
        return jdbc.sql(VERSION + "WHERE filing_id = ? AND version_no = ?").params(filingId, versionNo)
                .query(ReportStore::version).optional();
    }

    Optional<Version> submittedVersion(long filingId) {
        return jdbc.sql(VERSION + "WHERE filing_id = ? AND kind = 'SUBMITTED'").param(filingId)
                .query(ReportStore::version).optional();
    }

    private static final String VERSION = "SELECT filing_id, version_no, kind, field_values, html, csv, created_by, "
            + "created_at FROM rpt_version ";

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    void setFilingStatus(long filingId, String status) {
        jdbc.sql("UPDATE rpt_filing SET status = ? WHERE id = ? AND status <> 'SUBMITTED'").params(status, filingId)
                .update();
    }

    void countReturn(long filingId) {
        jdbc.sql("UPDATE rpt_filing SET status = 'RETURNED', return_count = return_count + 1 WHERE id = ?")
                .param(filingId).update();
    }

    void markOverdue(long filingId) {
        jdbc.sql("UPDATE rpt_filing SET overdue = TRUE WHERE id = ? AND status <> 'SUBMITTED'").param(filingId)
                .update();
    }

    void markSubmitted(long filingId, String by, Instant now) {
        jdbc.sql("UPDATE rpt_filing SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ? WHERE id = ?")
                .params(by, Timestamp.from(now), filingId).update();
    }

    int addConsolidation(long requestId, boolean complete, String missing, String html, String csv, Instant now) {
        int next = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM rpt_consolidation WHERE request_id = ?")
                .param(requestId).query(Integer.class).single();
        jdbc.sql("INSERT INTO rpt_consolidation (request_id, version_no, complete, missing, html, csv, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(requestId, next, complete, missing, html, csv, Timestamp.from(now)).update();
        return next;
    }

    List<Consolidation> consolidations(long requestId) {
        return jdbc.sql("SELECT request_id, version_no, complete, missing, html, csv, created_at FROM rpt_consolidation "
                        + "WHERE request_id = ? ORDER BY version_no").param(requestId)
                .query((rs, n) -> new Consolidation(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** The communities with these codes that exist, with their street and county. */
    List<Place> places(List<String> communityCodes) {
        return jdbc.sql("SELECT c.code, c.name, c.street_code, s.county_code FROM bd_community c "
                        + "JOIN bd_street s ON s.code = c.street_code WHERE c.code IN (:codes) ORDER BY c.code")
                .param("codes", communityCodes)
                .query((rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    record Place(String communityCode, String communityName, String streetCode, String countyCode) {
    }

    record Request(long id, String reportType, String period, Instant deadline, String requestedBy,
            String reviewGroup, String processInstanceId, String status) {
    }

    record Filing(long id, long requestId, String communityCode, String communityName, String streetCode,
            String status, boolean overdue, int returnCount, Instant submittedAt, String submittedBy,
            int versions) {
    }

    record Version(long filingId, int versionNo, String kind, String valuesJson, String html, String csv,
            String createdBy, Instant createdAt) {
    }

    record Consolidation(long requestId, int versionNo, boolean complete, String missing, String html, String csv,
            Instant createdAt) {
    }
}
