package org.linli.basedata;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a device is and who lives there: what alarm handling needs to judge an event (device location, grid,
 * street, and the occupants' profile), in one query.
 */
@Service
public class DeviceSites {

    /** Age from which a resident counts as elderly (老年人权益保障法: 60). */
    static final int ELDERLY_AGE = 60;

    private final JdbcClient jdbc;
    private final Clock clock;

    DeviceSites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<DeviceSite> site(String deviceId) {
        Date elderlyBorn = Date.valueOf(LocalDate.now(clock).minusYears(ELDERLY_AGE));
        return jdbc.sql("""
                SELECT d.id, d.sensor_type, d.community_code, c.street_code, a.grid_code, d.location,
                       d.heartbeat_interval_seconds, d.household_id,
                       (SELECT COUNT(*) FROM bd_resident r WHERE r.household_id = d.household_id) AS occupants,
                       (SELECT COUNT(*) FROM bd_resident r WHERE r.household_id = d.household_id
                           AND r.birth_date <= :elderlyBorn) AS elderly,
                       (SELECT COUNT(*) FROM bd_resident r WHERE r.household_id = d.household_id
                           AND r.birth_date <= :elderlyBorn AND r.living_alone) AS elderly_alone,
                       (SELECT COUNT(*) FROM bd_resident r WHERE r.household_id = d.household_id
                           AND r.disability_level > 0) AS disabled
                FROM bd_device d
                JOIN bd_community c ON c.code = d.community_code
                LEFT JOIN bd_household h ON h.id = d.household_id
                LEFT JOIN bd_address a ON a.id = COALESCE(d.address_id, h.address_id)
                WHERE d.id = :id
                """).param("id", deviceId).param("elderlyBorn", elderlyBorn)
                .query((rs, row) -> new DeviceSite(rs.getString("id"), rs.getString("sensor_type"),
                        rs.getString("community_code"), rs.getString("street_code"), rs.getString("grid_code"),
                        rs.getString("location"), rs.getInt("heartbeat_interval_seconds"),
                        rs.getObject("household_id", Long.class),
                        Occupants.of(rs.getInt("occupants"), rs.getInt("elderly"), rs.getInt("elderly_alone"),
                                rs.getInt("disabled"))))
                .optional();
    }

    /**
     * A device and its place. {@code gridCode} is null for a device registered to a community only.
     */
    public record DeviceSite(String deviceId, String sensorType, String communityCode, String streetCode,
            String gridCode, String location, int heartbeatIntervalSeconds, Long householdId, Occupants occupants) {

        /** {@code home} (in a household), {@code building} (at an address), or {@code public}. */
        public String locationKind() {
            if (householdId != null) {
                return "home";
            }
            return gridCode != null ? "building" : "public";
        }
    }

    /** Who lives where a device is, as alarm handling needs it; never names. */
    public enum Occupants {
        /** no household, or nobody registered */
        NONE,
        GENERAL,
        DISABLED,
        ELDERLY,
        /** an elderly resident living alone (独居老人): the most urgent profile */
        ELDERLY_ALONE;

        static Occupants of(int occupants, int elderly, int elderlyAlone, int disabled) {
            if (occupants == 0) {
                return NONE;
            }
            if (elderlyAlone > 0) {
                return ELDERLY_ALONE;
            }
            if (elderly > 0) {
                return ELDERLY;
            }
            return disabled > 0 ? DISABLED : GENERAL;
        }

        /** The DMN input value: {@code elderly_alone}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
