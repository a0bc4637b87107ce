package org.linli.basedata;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households by place, with their floor area: who lives in a grid, a building or one stairwell (单元). Used by
 * features that address the households of an area, such as deliberations.
 */
@Service
public class HouseholdDirectory {

    private static final String SELECT = """
            SELECT h.id, h.household_no, h.floor_area, a.grid_code, g.community_code, a.road, a.building, a.unit
              FROM bd_household h
              JOIN bd_address a ON a.id = h.address_id
              JOIN bd_grid g ON g.code = a.grid_code
            """;

    private final JdbcClient jdbc;

    HouseholdDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The households in any of the places, each once, by id. */
    @Transactional(readOnly = true)
    public List<HouseholdPlace> householdsIn(List<PlaceSelector> places) {
        if (places.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (PlaceSelector place : places) {
            StringBuilder condition = new StringBuilder("(a.grid_code = ?");
            params.add(place.gridCode());
            if (place.road() != null) {
                condition.append(" AND a.road = ?");
                params.add(place.road());
            }
            if (place.building() != null) {
                condition.append(" AND a.building = ?");
                params.add(place.building());
            }
            if (place.unit() != null) {
                condition.append(" AND a.unit = ?");
                params.add(place.unit());
            }
            conditions.add(condition.append(')').toString());
        }
        return jdbc.sql(SELECT + " WHERE " + String.join(" OR ", conditions) + " ORDER BY h.id").params(params)
                .query(HouseholdDirectory::place).list();
    }

    @Transactional(readOnly = true)
    public Optional<HouseholdPlace> household(long id) {
        return jdbc.sql(SELECT + " WHERE h.id = ?").param(id)
                .query(HouseholdDirectory::place).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Long> householdId(String householdNo) {
        return jdbc.sql("SELECT id FROM bd_household WHERE household_no = ?").param(householdNo)
                .query(Long.class).optional();
    }

    /** The household of the resident who signs in as {@code userId}: the household that login acts for. */
    @Transactional(readOnly = true)
    public Optional<Long> householdOfAccount(String userId) {
        return jdbc.sql("SELECT household_id FROM bd_resident WHERE user_id = ?").param(userId).query(Long.class)
                .optional();
    }

    /** Records a household's floor area (建筑面积, m²), e.g. from the property register. */
    @Transactional
    public void recordFloorArea(long householdId, BigDecimal squareMetres) {
        if (jdbc.sql("UPDATE bd_household SET floor_area = ? WHERE id = ?").params(squareMetres, householdId)
                .update() == 0) {
            throw BaseDataProblems.unknownHousehold(householdId);
        }
    }

    private static HouseholdPlace place(ResultSet rs, int row) throws SQLException {
        return new HouseholdPlace(rs.getLong("id"), rs.getString("household_no"), rs.getBigDecimal("floor_area"),
                rs.getString("grid_code"), rs.getString("community_code"), rs.getString("road"),
                rs.getString("building"), rs.getString("unit"));
    }

    /** A grid, optionally narrowed to a road, a building on it and one unit (stairwell) of that building. */
    public record PlaceSelector(String gridCode, String road, String building, String unit) {
    }

    public record HouseholdPlace(long id, String householdNo, BigDecimal floorArea, String gridCode,
            String communityCode, String road, String building, String unit) {

        public BigDecimal floorAreaOrZero() {
            return floorArea == null ? BigDecimal.ZERO : floorArea;
        }
    }
}
