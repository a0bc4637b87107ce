package org.linli.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.linli.report.HomeVisitDiff.Change;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Home visits and their changes, and the few base-data writes a confirmed change makes. The resident row's
 * {@code version} is raised with every write so that the base-data store's optimistic locking sees it.
 */
@Repository
class HomeVisitStore {

    private final JdbcClient jdbc;

    HomeVisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Resident> resident(long id) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.phone, r.disability_level, a.grid_code, g.community_code,
                  CASE WHEN EXISTS (SELECT 1 FROM bd_population_event e WHERE e.resident_id = r.id
                                    AND e.event_type IN ('DEATH', 'MOVE_OUT')) THEN TRUE ELSE FALSE END
                FROM bd_resident r JOIN bd_household h ON h.id = r.household_id
                JOIN bd_address a ON a.id = h.address_id JOIN bd_grid g ON g.code = a.grid_code
                WHERE r.id = ?""").param(id)
                .query((rs, n) -> new Resident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional();
    }

    long createVisit(long residentId, String community, String by, LocalDate on, String note, String status,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("INSERT INTO rpt_home_visit (resident_id, community_code, visited_by, visited_on, note, status, "
                        + "created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(residentId, community, by, Date.valueOf(on), note, status, at,
                        status.equals("PENDING") ? null : at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void addChange(long visitId, Change change) {
        jdbc.sql("INSERT INTO rpt_visit_change (visit_id, kind, old_value, new_value, status) "
                + "VALUES (?, ?, ?, ?, 'PENDING')").params(visitId, change.kind().name(), change.oldValue(),
                change.newValue()).update();
    }

    void setProcessInstance(long visitId, String processInstanceId) {
        jdbc.sql("UPDATE rpt_home_visit SET process_instance_id = ? WHERE id = ?").params(processInstanceId, visitId)
                .update();
    }

    Optional<Visit> visit(long id) {
        return jdbc.sql("SELECT id, resident_id, community_code, visited_by, visited_on, status FROM rpt_home_visit "
                        + "WHERE id = ?").param(id)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6)))
                .optional();
    }

    List<StoredChange> changes(long visitId) {
        return jdbc.sql("SELECT id, kind, old_value, new_value, status FROM rpt_visit_change WHERE visit_id = ? "
                        + "ORDER BY id").param(visitId)
                .query((rs, n) -> new StoredChange(rs.getLong(1), HomeVisitDiff.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    void decide(long changeId, String status, String by, Instant now) {
        jdbc.sql("UPDATE rpt_visit_change SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? "
                + "AND status = 'PENDING'").params(status, by, Timestamp.from(now), changeId).update();
    }

    void closeVisit(long visitId, Instant now) {
        jdbc.sql("UPDATE rpt_home_visit SET status = 'CONFIRMED', closed_at = ? WHERE id = ?")
                .params(Timestamp.from(now), visitId).update();
    }

    void updatePhone(long residentId, String phone, Instant now) {
        jdbc.sql("UPDATE bd_resident SET phone = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(phone, Timestamp.from(now), residentId).update();
    }

    void moveOut(long residentId, String gridCode, LocalDate on, String by, Instant now) {
        jdbc.sql("INSERT INTO bd_population_event (resident_id, grid_code, event_type, occurred_on, recorded_by, "
                        + "recorded_at) VALUES (?, ?, 'MOVE_OUT', ?, ?, ?)")
                .params(residentId, gridCode, Date.valueOf(on), by, Timestamp.from(now)).update();
    }

    record Resident(long id, String name, String phone, int disabilityLevel, String gridCode, String communityCode,
            boolean departed) {
    }

    record Visit(long id, long residentId, String communityCode, String visitedBy, LocalDate visitedOn,
            String status) {
    }

    record StoredChange(long id, HomeVisitDiff.Kind kind, String oldValue, String newValue, String status) {
    }
}
