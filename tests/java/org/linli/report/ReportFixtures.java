package org.linli.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.linli.basedata.SyntheticCommunityGenerator;
import org.linli.basedata.SyntheticCommunityGenerator.GenerateCommunityCommand;
import org.linli.basedata.SyntheticCommunityGenerator.GenerationResult;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated community (SyntheticCommunityGenerator) plus what the reports count that the generator does not
 * make: population events, rental houses with risk levels and inspections, grievance cases. Deterministic, with
 * events just outside October 2026 on both sides so that period boundaries are tested too.
 */
final class ReportFixtures {

    static final String PERIOD = "2026-10";
    private static final String[] LEVELS = {"LIGHT", "WARNING", "STRICT", "BANNED"};
    private static final String[] CATEGORIES = {"environment", "property", "municipal", "environment"};

    private ReportFixtures() {
    }

    /** Generates the community of {@code seed} with its events; answers the community code. */
    static String community(SyntheticCommunityGenerator generator, JdbcTemplate jdbc, long seed) {
        GenerationResult result = generator.generate(new GenerateCommunityCommand(seed, 2500, LocalDate.of(2026, 10, 15)));
        String community = result.countyCode() + "-s1-c1";
        List<String> grids = jdbc.queryForList("SELECT code FROM bd_grid WHERE community_code = ? ORDER BY code",
                String.class, community);
        for (int g = 0; g < grids.size(); g++) {
            String grid = grids.get(g);
            List<Long> people = jdbc.queryForList("""
                    SELECT r.id FROM bd_resident r JOIN bd_household h ON h.id = r.household_id
                    JOIN bd_address a ON a.id = h.address_id WHERE a.grid_code = ? ORDER BY r.id""", Long.class, grid);
            for (int b = 0; b <= g % 3; b++) {
                event(jdbc, null, grid, "BIRTH", LocalDate.of(2026, 10, 5 + b));
            }
            if (g % 2 == 0) {
                event(jdbc, people.get(0), grid, "DEATH", LocalDate.of(2026, 10, 10));
            }
            event(jdbc, people.get(1), grid, "MOVE_OUT", LocalDate.of(2026, 10, 31));
            event(jdbc, people.get(2), grid, "MOVE_IN", LocalDate.of(2026, 10, 1));
            event(jdbc, null, grid, "BIRTH", LocalDate.of(2026, 9, 30));
            event(jdbc, people.get(3), grid, "MOVE_OUT", LocalDate.of(2026, 11, 1));
            event(jdbc, people.get(4), grid, "DEATH", LocalDate.of(2026, 9, 2));
        }
        List<Long> rentals = jdbc.queryForList("""
                SELECT a.id FROM bd_address a JOIN bd_grid g ON g.code = a.grid_code
                WHERE g.community_code = ? AND a.rental = TRUE ORDER BY a.id""", Long.class, community);
        Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 10, 1, 8, 0));
        for (int k = 0; k < rentals.size(); k++) {
            long address = rentals.get(k);
            jdbc.update("INSERT INTO bd_rental_house (address_id, risk_level, tenants, registered_at) VALUES (?, ?, ?, ?)",
                    address, LEVELS[k % 4], 1 + k % 3, now);
            for (int i = 0; i < k % 3; i++) {
                int hazards = (k + i) % 2;
                jdbc.update("INSERT INTO bd_rental_inspection (address_id, inspected_on, inspector, hazards, rectified) "
                        + "VALUES (?, ?, 'li.qiang', ?, ?)", address, Date.valueOf(LocalDate.of(2026, 10, 3 + i * 9)),
                        hazards, k % 4 == 1 ? 0 : hazards);
            }
            jdbc.update("INSERT INTO bd_rental_inspection (address_id, inspected_on, inspector, hazards, rectified) "
                    + "VALUES (?, ?, 'li.qiang', 2, 2)", address, Date.valueOf(LocalDate.of(2026, 9, 28)));
        }
        String prefix = "T" + Long.toString(seed, 36).toUpperCase() + "-";
        for (int k = 0; k < 14; k++) {
            LocalDateTime created = LocalDateTime.of(2026, 10, 1 + k * 2, 9, 30);
            boolean closed = k % 2 == 0;
            grievance(jdbc, prefix + k, community, CATEGORIES[k % 4], created, closed ? created.plusDays(2) : null,
                    closed ? 1 + k % 5 : null, k % 4 == 0, null);
        }
        // filed in September, closed in October: closed this month, not received this month
        grievance(jdbc, prefix + "S", community, "property", LocalDateTime.of(2026, 9, 20, 10, 0),
                LocalDateTime.of(2026, 10, 2, 10, 0), 5, false, null);
        // merged into another case: never counted
        grievance(jdbc, prefix + "M", community, "environment", LocalDateTime.of(2026, 10, 4, 10, 0),
                LocalDateTime.of(2026, 10, 4, 11, 0), null, false, prefix + "0");
        return community;
    }

    private static void event(JdbcTemplate jdbc, Long resident, String grid, String type, LocalDate on) {
        jdbc.update("INSERT INTO bd_population_event (resident_id, grid_code, event_type, occurred_on, recorded_by, "
                + "recorded_at) VALUES (?, ?, ?, ?, 'li.qiang', ?)", resident, grid, type, Date.valueOf(on),
                Timestamp.valueOf(on.atStartOfDay()));
    }

    private static void grievance(JdbcTemplate jdbc, String number, String community, String category,
            LocalDateTime created, LocalDateTime closed, Integer rating, boolean overdue, String mergedInto) {
        jdbc.update("""
                INSERT INTO grv_case (case_number, channel, category, urgency, description, community_code, address_text,
                  status, overdue, rating, merged_into, closure, created_at, updated_at, closed_at)
                VALUES (?, 'PORTAL', ?, 'NORMAL', '测试诉求', ?, '测试地址', ?, ?, ?, ?, ?, ?, ?, ?)""",
                number, category, community, closed == null ? "HANDLING" : "CLOSED", overdue, rating, mergedInto,
                closed == null ? null : mergedInto == null ? "RESOLVED" : "MERGED", Timestamp.valueOf(created),
                Timestamp.valueOf(closed == null ? created : closed), closed == null ? null : Timestamp.valueOf(closed));
    }
}
