package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.basedata.SyntheticCommunityGenerator;
import org.linli.security.CurrentUser;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each report type filled and rendered for a generated community on PostgreSQL; every figure is checked against
 * base data read with plain SQL and counted here in Java, independently of the named queries.
 */
@IntegrationTest
class ReportTemplatesIT {

    private static final CurrentUser ADMIN = new CurrentUser("admin", List.of("camunda-admin"));
    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 1);
    private static String community;

    @Autowired
    SyntheticCommunityGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportFiling filing;

    @BeforeEach
    void generate() {
        if (community == null) {
            community = ReportFixtures.community(generator, jdbc, 770_701);
        }
    }

    @Test
    void populationChangeCountsTheMonthsEventsAndWhoStillLivesHere() {
        Map<String, Integer> events = new HashMap<>();
        for (Map<String, Object> e : jdbc.queryForList("SELECT e.event_type, e.occurred_on FROM bd_population_event e "
                + "JOIN bd_grid g ON g.code = e.grid_code WHERE g.community_code = ?", community)) {
            LocalDate on = ((java.sql.Date) e.get("occurred_on")).toLocalDate();
            if (!on.isBefore(FROM) && on.isBefore(TO)) {
                events.merge((String) e.get("event_type"), 1, Integer::sum);
            }
        }
        List<Person> living = living();

        ReportFiling.Preview report = filing.preview("population-change", community, ReportFixtures.PERIOD, ADMIN);

        assertThat(events.get("BIRTH")).isPositive();
        assertThat(report.csv()).contains("出生人数," + events.get("BIRTH") + ",系统计算")
                .contains("死亡人数," + events.get("DEATH") + ",系统计算")
                .contains("迁入人数," + events.get("MOVE_IN") + ",系统计算")
                .contains("迁出人数," + events.get("MOVE_OUT") + ",系统计算")
                .contains("月末实有人口," + living.size() + ",系统计算");
        int grids = jdbc.queryForObject("SELECT COUNT(*) FROM bd_grid WHERE community_code = ?", Integer.class, community);
        assertThat(report.csv().lines().filter(l -> l.startsWith("第") && l.contains("网格,"))).hasSize(grids);
        assertThat(report.html()).contains("<h1>人口变动月报</h1>").contains("制式报表").contains("人口变动登记：本月出生");
    }

    @Test
    void theRosterListsElderlyDisabledAndSpecialCarePeopleStillLivingHere() {
        LocalDate born60 = TO.minusDays(1).minusYears(60);
        LocalDate born80 = TO.minusDays(1).minusYears(80);
        List<Person> living = living();
        long elderly = living.stream().filter(p -> !p.born().isAfter(born60)).count();
        long over80 = living.stream().filter(p -> !p.born().isAfter(born80)).count();
        long alone = living.stream().filter(p -> !p.born().isAfter(born60) && p.alone()).count();
        long disabled = living.stream().filter(p -> p.disability() > 0).count();
        long special = living.stream().filter(Person::specialCare).count();
        long listed = living.stream().filter(p -> !p.born().isAfter(born60) || p.disability() > 0 || p.specialCare())
                .count();

        ReportFiling.Preview report = filing.preview("special-care-roster", community, ReportFixtures.PERIOD, ADMIN);

        assertThat(elderly).isGreaterThan(100);
        assertThat(report.csv()).contains("60周岁及以上老年人," + elderly + ",")
                .contains("80周岁及以上高龄老人," + over80 + ",").contains("独居老人," + alone + ",")
                .contains("持残疾证人员," + disabled + ",").contains("特殊关爱对象," + special + ",");
        List<String> rows = report.csv().lines().filter(l -> l.matches("^第\\d+网格,.*")).toList();
        assertThat(rows).hasSize((int) listed);
        assertThat(rows).allMatch(r -> r.matches(".*,\\d{4}\\*{10}\\d{3}[0-9X],.*"), "id-card numbers only masked");
        assertThat(report.html()).contains("花名册（" + listed + " 人）");
    }

    @Test
    void grievanceStatisticsCountTheMonthsCasesWithoutMergedOnes() {
        int received = 0;
        int closed = 0;
        int overdue = 0;
        int rated = 0;
        int satisfied = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        for (Map<String, Object> c : jdbc.queryForList("SELECT category, created_at, closed_at, overdue, rating, "
                + "merged_into FROM grv_case WHERE community_code = ?", community)) {
            if (c.get("merged_into") != null) {
                continue;
            }
            boolean newThisMonth = inMonth(c.get("created_at"));
            if (newThisMonth) {
                received++;
                byCategory.merge((String) c.get("category"), 1, Integer::sum);
                if ((Boolean) c.get("overdue")) {
                    overdue++;
                }
            }
            if (c.get("closed_at") != null && inMonth(c.get("closed_at"))) {
                closed++;
                if (c.get("rating") != null) {
                    rated++;
                    satisfied += ((Number) c.get("rating")).intValue() >= 4 ? 1 : 0;
                }
            }
        }
        BigDecimal rate = BigDecimal.valueOf(satisfied * 100L).divide(BigDecimal.valueOf(rated), 1, RoundingMode.HALF_UP);
        String top = byCategory.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        ReportFiling.Preview report = filing.preview("grievance-monthly", community, ReportFixtures.PERIOD, ADMIN);

        assertThat(report.csv()).contains("本月受理诉求," + received + ",系统计算").contains("本月办结诉求," + closed + ",")
                .contains("超期诉求," + overdue + ",").contains("满意率（%）," + rate.toPlainString() + ",系统建议");
        assertThat(top).isEqualTo("environment");
        assertThat(report.values().get("grievanceAnalysis")).isEqualTo("本月受理诉求以“环境卫生”类为主，共 "
                + byCategory.get(top) + " 件。");
        assertThat(report.html()).contains("非制式报表").contains("环境卫生");
    }

    @Test
    void rentalInspectionSuggestsTheMonthsInspectionsAgainstWhatTheLevelsRequire() {
        Map<String, Integer> perMonth = Map.of("LIGHT", 1, "WARNING", 2, "STRICT", 3, "BANNED", 4);
        int houses = 0;
        int due = 0;
        for (Map<String, Object> h : jdbc.queryForList("SELECT rh.risk_level FROM bd_rental_house rh JOIN bd_address a "
                + "ON a.id = rh.address_id JOIN bd_grid g ON g.code = a.grid_code WHERE g.community_code = ?", community)) {
            houses++;
            due += perMonth.get((String) h.get("risk_level"));
        }
        int done = 0;
        int hazards = 0;
        int rectified = 0;
        for (Map<String, Object> i : jdbc.queryForList("SELECT i.inspected_on, i.hazards, i.rectified "
                + "FROM bd_rental_inspection i JOIN bd_address a ON a.id = i.address_id JOIN bd_grid g "
                + "ON g.code = a.grid_code WHERE g.community_code = ?", community)) {
            if (inMonth(i.get("inspected_on"))) {
                done++;
                hazards += ((Number) i.get("hazards")).intValue();
                rectified += ((Number) i.get("rectified")).intValue();
            }
        }

        ReportFiling.Preview report = filing.preview("rental-inspection", community, ReportFixtures.PERIOD, ADMIN);

        assertThat(houses).isPositive();
        assertThat(report.csv()).contains("出租房屋总数," + houses + ",系统计算").contains("应检查次数," + due + ",系统计算")
                .contains("实际检查次数," + done + ",系统建议").contains("发现隐患," + hazards + ",系统建议")
                .contains("已整改隐患," + rectified + ",系统建议");
        assertThat(report.csv()).contains("宽管,").contains("禁租,");
        assertThat(report.values().get("rentalMeasures")).isNull();
    }

    private static boolean inMonth(Object value) {
        LocalDate day = value instanceof java.sql.Timestamp t ? t.toLocalDateTime().toLocalDate()
                : value instanceof LocalDateTime t ? t.toLocalDate() : ((java.sql.Date) value).toLocalDate();
        return !day.isBefore(FROM) && day.isBefore(TO);
    }

    /** Residents of the community, less those who died or moved out before the end of October. */
    private List<Person> living() {
        Set<Long> gone = new HashSet<>();
        for (Map<String, Object> e : jdbc.queryForList("SELECT resident_id, event_type, occurred_on "
                + "FROM bd_population_event WHERE resident_id IS NOT NULL")) {
            String type = (String) e.get("event_type");
            if ((type.equals("DEATH") || type.equals("MOVE_OUT"))
                    && ((java.sql.Date) e.get("occurred_on")).toLocalDate().isBefore(TO)) {
                gone.add(((Number) e.get("resident_id")).longValue());
            }
        }
        Set<Long> special = new HashSet<>(jdbc.queryForList("SELECT resident_id FROM bd_resident_tag WHERE tag = "
                + "'special-care'", Long.class));
        return jdbc.query("""
                SELECT r.id, r.birth_date, r.disability_level, r.living_alone FROM bd_resident r
                JOIN bd_household h ON h.id = r.household_id JOIN bd_address a ON a.id = h.address_id
                WHERE a.grid_code IN (SELECT code FROM bd_grid WHERE community_code = ?)""",
                (rs, n) -> new Person(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getBoolean(4),
                        special.contains(rs.getLong(1))), community)
                .stream().filter(p -> !gone.contains(p.id())).toList();
    }

    private record Person(long id, LocalDate born, int disability, boolean alone, boolean specialCare) {
    }
}
