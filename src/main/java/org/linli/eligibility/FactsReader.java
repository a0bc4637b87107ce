package org.linli.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of residents and rental houses from the base data tables in id ranges, one query per batch: the
 * repositories of basedata load one aggregate at a time, which cannot feed 200,000 decisions in seconds.
 */
@Component
class FactsReader {

    private static final String RESIDENTS = """
            SELECT r.id, r.birth_date, r.hukou_type, h.income_per_capita, h.assets_per_capita, r.disability_level,
                   r.living_alone, r.care_level, r.has_supporter, r.hardship_event, r.hardship_date
              FROM bd_resident r
              JOIN bd_household h ON h.id = r.household_id
            """;

    private static final RowMapper<ResidentFacts> RESIDENT = FactsReader::resident;

    private final JdbcTemplate jdbc;

    FactsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Smallest and largest resident id, or {@code null} when there are none. */
    long[] residentIdRange() {
        return jdbc.query("SELECT MIN(id), MAX(id) FROM bd_resident",
                rs -> rs.next() && rs.getObject(1) != null ? new long[] {rs.getLong(1), rs.getLong(2)} : null);
    }

    /** Residents with {@code from <= id < to}. */
    List<ResidentFacts> residents(long from, long to) {
        return jdbc.query(RESIDENTS + " WHERE r.id >= ? AND r.id < ?", RESIDENT, from, to);
    }

    Optional<ResidentFacts> resident(long id) {
        return jdbc.query(RESIDENTS + " WHERE r.id = ?", RESIDENT, id).stream().findFirst();
    }

    List<RentalFacts> rentals() {
        return jdbc.query("""
                SELECT id, rental_tenants, rental_area_sqm, rental_fire_hazards, rental_unregistered, rental_incidents
                  FROM bd_address WHERE rental ORDER BY id""", (rs, n) -> new RentalFacts(rs.getLong(1),
                integer(rs, 2), decimal(rs, 3), integer(rs, 4), integer(rs, 5), integer(rs, 6)));
    }

    private static ResidentFacts resident(ResultSet rs, int row) throws SQLException {
        String hukou = rs.getString(3);
        // LocalDate straight from the driver: getDate goes through a Calendar for every value
        return new ResidentFacts(rs.getLong(1), rs.getObject(2, LocalDate.class),
                "LOCAL_URBAN".equals(hukou) || "LOCAL_RURAL".equals(hukou), decimal(rs, 4), decimal(rs, 5),
                rs.getInt(6), rs.getBoolean(7), integer(rs, 8), bool(rs, 9), rs.getString(10),
                rs.getObject(11, LocalDate.class));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
