package org.linli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.linli.grievance.GrievanceCatalogue.Category;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The named queries behind computed and suggested report fields and report tables. Each says in words what it
 * counts ({@code from}), which the worker's form and the rendered report show next to the figure. Parameters:
 * {@code :community}, the month {@code [:from, :to)}, and the birth-date limits {@code :born60}, {@code :born80}
 * of people aged 60 and 80 at the end of the month.
 */
@Component
class NamedQueries {

    /** Residents of the community who had not died or moved out before the end of the period. */
    private static final String LIVING = """
            FROM bd_resident r
            JOIN bd_household h ON h.id = r.household_id
            JOIN bd_address a ON a.id = h.address_id
            JOIN bd_grid g ON g.code = a.grid_code
            WHERE g.community_code = :community
              AND NOT EXISTS (SELECT 1 FROM bd_population_event d WHERE d.resident_id = r.id
                              AND d.event_type IN ('DEATH', 'MOVE_OUT') AND d.occurred_on < :to)
            """;
    private static final String EVENTS = """
            SELECT COUNT(*) FROM bd_population_event e JOIN bd_grid g ON g.code = e.grid_code
            WHERE g.community_code = :community AND e.occurred_on >= :from AND e.occurred_on < :to
              AND e.event_type = '%s'
            """;
    private static final String RENTALS = """
            FROM bd_rental_house rh
            JOIN bd_address a ON a.id = rh.address_id
            JOIN bd_grid g ON g.code = a.grid_code
            WHERE g.community_code = :community
            """;
    private static final String INSPECTIONS = """
            FROM bd_rental_inspection i
            JOIN bd_address a ON a.id = i.address_id
            JOIN bd_grid g ON g.code = a.grid_code
            WHERE g.community_code = :community AND i.inspected_on >= :from AND i.inspected_on < :to
            """;
    /** Inspections a month by risk level (seed 004: 1 to 4 a month by level). */
    static final String MONTHLY_INSPECTIONS = "CASE rh.risk_level WHEN 'LIGHT' THEN 1 WHEN 'WARNING' THEN 2 "
            + "WHEN 'STRICT' THEN 3 ELSE 4 END";
    private static final String CASES = "FROM grv_case c WHERE c.community_code = :community AND c.merged_into IS NULL ";

    static final Map<Object, String> RISK_LEVELS = Map.of("LIGHT", "宽管", "WARNING", "警示", "STRICT", "严管",
            "BANNED", "禁租");

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, NamedQuery> queries = new LinkedHashMap<>();

    NamedQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        scalar("population.births", "人口变动登记：本月出生", EVENTS.formatted("BIRTH"));
        scalar("population.deaths", "人口变动登记：本月死亡", EVENTS.formatted("DEATH"));
        scalar("population.moved-in", "人口变动登记：本月迁入", EVENTS.formatted("MOVE_IN"));
        scalar("population.moved-out", "人口变动登记：本月迁出", EVENTS.formatted("MOVE_OUT"));
        scalar("population.residents", "居民库：月末在册且未死亡、未迁出的居民", "SELECT COUNT(*) " + LIVING);
        rows("population.by-grid", "人口变动登记，按网格", """
                SELECT g.code AS grid_code, g.name AS grid_name,
                       SUM(CASE WHEN e.event_type = 'BIRTH' THEN 1 ELSE 0 END) AS births,
                       SUM(CASE WHEN e.event_type = 'DEATH' THEN 1 ELSE 0 END) AS deaths,
                       SUM(CASE WHEN e.event_type = 'MOVE_IN' THEN 1 ELSE 0 END) AS moved_in,
                       SUM(CASE WHEN e.event_type = 'MOVE_OUT' THEN 1 ELSE 0 END) AS moved_out
                FROM bd_grid g
                LEFT JOIN bd_population_event e ON e.grid_code = g.code AND e.occurred_on >= :from AND e.occurred_on < :to
                WHERE g.community_code = :community
                GROUP BY g.code, g.name ORDER BY g.code
                """);

        scalar("roster.elderly", "居民库：月末年满60周岁", "SELECT COUNT(*) " + LIVING + " AND r.birth_date <= :born60");
        scalar("roster.over80", "居民库：月末年满80周岁", "SELECT COUNT(*) " + LIVING + " AND r.birth_date <= :born80");
        scalar("roster.elderly-alone", "居民库：年满60周岁且独居", "SELECT COUNT(*) " + LIVING
                + " AND r.birth_date <= :born60 AND r.living_alone = TRUE");
        scalar("roster.disabled", "居民库：残疾等级一至四级", "SELECT COUNT(*) " + LIVING + " AND r.disability_level > 0");
        scalar("roster.special-care", "居民库：标记为特殊关爱对象", "SELECT COUNT(*) " + LIVING
                + " AND EXISTS (SELECT 1 FROM bd_resident_tag t WHERE t.resident_id = r.id AND t.tag = 'special-care')");
        rows("roster.people", "居民库：老年人、残疾人及特殊关爱对象", """
                SELECT g.name AS grid_name, r.name, r.gender, r.birth_date, r.id_card_masked, a.standard_address,
                       r.disability_level, r.living_alone,
                       CASE WHEN EXISTS (SELECT 1 FROM bd_resident_tag t WHERE t.resident_id = r.id
                                         AND t.tag = 'special-care') THEN TRUE ELSE FALSE END AS special_care
                """ + LIVING + """
                  AND (r.birth_date <= :born60 OR r.disability_level > 0
                       OR EXISTS (SELECT 1 FROM bd_resident_tag t WHERE t.resident_id = r.id AND t.tag = 'special-care'))
                ORDER BY g.code, r.birth_date, r.id
                """);

        scalar("grievance.received", "诉求库：本月登记的诉求（不含并案）", "SELECT COUNT(*) " + CASES
                + "AND c.created_at >= :from AND c.created_at < :to");
        scalar("grievance.closed", "诉求库：本月结案的诉求", "SELECT COUNT(*) " + CASES
                + "AND c.closed_at >= :from AND c.closed_at < :to");
        scalar("grievance.overdue", "诉求库：本月登记且超期的诉求", "SELECT COUNT(*) " + CASES
                + "AND c.created_at >= :from AND c.created_at < :to AND c.overdue = TRUE");
        query("grievance.satisfaction-rate", "诉求库：本月结案且有评价的诉求中4-5分的比例", """
                SELECT COUNT(c.rating) AS rated, SUM(CASE WHEN c.rating >= 4 THEN 1 ELSE 0 END) AS satisfied
                """ + CASES + "AND c.closed_at >= :from AND c.closed_at < :to", NamedQueries::rate);
        query("grievance.top-category", "诉求库：本月登记最多的诉求类别", "SELECT c.category, COUNT(*) AS n " + CASES
                + "AND c.created_at >= :from AND c.created_at < :to GROUP BY c.category ORDER BY n DESC, c.category",
                NamedQueries::analysis);
        rows("grievance.by-category", "诉求库：本月按类别统计", "SELECT c.category, "
                + "SUM(CASE WHEN c.created_at >= :from AND c.created_at < :to THEN 1 ELSE 0 END) AS received, "
                + "SUM(CASE WHEN c.closed_at >= :from AND c.closed_at < :to THEN 1 ELSE 0 END) AS closed, "
                + "SUM(CASE WHEN c.created_at >= :from AND c.created_at < :to AND c.overdue = TRUE THEN 1 ELSE 0 END) "
                + "AS overdue " + CASES + "AND ((c.created_at >= :from AND c.created_at < :to) "
                + "OR (c.closed_at >= :from AND c.closed_at < :to)) GROUP BY c.category ORDER BY c.category",
                row -> row.put("category_label", Category.ofCode((String) row.get("category")).map(Category::label)
                        .orElse((String) row.get("category"))));

        scalar("rental.houses", "出租屋登记：本社区出租房屋", "SELECT COUNT(*) " + RENTALS);
        scalar("rental.inspections-due", "出租屋登记：按风险等级每月应检次数（宽管1、警示2、严管3、禁租4）",
                "SELECT COALESCE(SUM(" + MONTHLY_INSPECTIONS + "), 0) " + RENTALS);
        scalar("rental.inspections-done", "出租屋检查记录：本月检查次数", "SELECT COUNT(*) " + INSPECTIONS);
        scalar("rental.hazards", "出租屋检查记录：本月发现隐患", "SELECT COALESCE(SUM(i.hazards), 0) " + INSPECTIONS);
        scalar("rental.rectified", "出租屋检查记录：本月已整改隐患", "SELECT COALESCE(SUM(i.rectified), 0) " + INSPECTIONS);
        rows("rental.by-level", "出租屋登记及检查记录：按风险等级", """
                SELECT rh.risk_level, COUNT(*) AS houses, SUM(%s) AS due,
                       SUM((SELECT COUNT(*) FROM bd_rental_inspection i WHERE i.address_id = rh.address_id
                            AND i.inspected_on >= :from AND i.inspected_on < :to)) AS done
                """.formatted(MONTHLY_INSPECTIONS) + RENTALS + " GROUP BY rh.risk_level ORDER BY rh.risk_level",
                row -> row.put("risk_level_label", RISK_LEVELS.getOrDefault(row.get("risk_level"), "")));
    }

    boolean exists(String name) {
        return queries.containsKey(name);
    }

    /** What the named query counts, in words for the worker. */
    String from(String name) {
        return named(name).from();
    }

    /** Runs a scalar query (a figure or a suggested text) for one community and month. */
    Object value(String name, String community, YearMonth period) {
        NamedQuery query = named(name);
        return query.reduce().apply(jdbc.queryForList(query.sql(), parameters(community, period)));
    }

    /** Runs a table query: one map per row, column names in lower case. */
    List<Map<String, Object>> rows(String name, String community, YearMonth period) {
        NamedQuery query = named(name);
        return jdbc.queryForList(query.sql(), parameters(community, period)).stream()
                .map(NamedQueries::lowerCaseKeys).peek(query.decorate()).toList();
    }

    private NamedQuery named(String name) {
        NamedQuery query = queries.get(name);
        if (query == null) {
            throw new IllegalArgumentException("No named query " + name);
        }
        return query;
    }

    static MapSqlParameterSource parameters(String community, YearMonth period) {
        LocalDate to = period.plusMonths(1).atDay(1);
        return new MapSqlParameterSource()
                .addValue("community", community)
                .addValue("from", period.atDay(1))
                .addValue("to", to)
                .addValue("born60", to.minusDays(1).minusYears(60))
                .addValue("born80", to.minusDays(1).minusYears(80));
    }

    private void scalar(String name, String from, String sql) {
        query(name, from, sql, rows -> ((Number) rows.get(0).values().iterator().next()).longValue());
    }

    private void rows(String name, String from, String sql) {
        rows(name, from, sql, row -> { });
    }

    private void rows(String name, String from, String sql, Consumer<Map<String, Object>> decorate) {
        queries.put(name, new NamedQuery(from, sql, rows -> rows, decorate));
    }

    private void query(String name, String from, String sql, Function<List<Map<String, Object>>, Object> reduce) {
        queries.put(name, new NamedQuery(from, sql, reduce, row -> { }));
    }

    private static Object rate(List<Map<String, Object>> rows) {
        Map<String, Object> row = lowerCaseKeys(rows.get(0));
        long rated = ((Number) row.get("rated")).longValue();
        if (rated == 0) {
            return null;
        }
        long satisfied = ((Number) row.get("satisfied")).longValue();
        return BigDecimal.valueOf(satisfied * 100).divide(BigDecimal.valueOf(rated), 1, RoundingMode.HALF_UP);
    }

    private static Object analysis(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "本月无新受理诉求。";
        }
        Map<String, Object> top = lowerCaseKeys(rows.get(0));
        String category = (String) top.get("category");
        String label = Category.ofCode(category).map(Category::label).orElse(category);
        return "本月受理诉求以“" + label + "”类为主，共 " + top.get("n") + " 件。";
    }

    static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> result = new LinkedHashMap<>();
        row.forEach((k, v) -> result.put(k.toLowerCase(), v));
        return result;
    }

    private record NamedQuery(String from, String sql, Function<List<Map<String, Object>>, Object> reduce,
            Consumer<Map<String, Object>> decorate) {
    }
}
