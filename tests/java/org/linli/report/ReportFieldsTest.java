package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Computed figures cannot be overwritten, suggestions can, and the definition's rules are enforced. */
class ReportFieldsTest {

    private final ReportCatalogue catalogue = new ReportCatalogue(new ObjectMapper(), "templates/report", q -> true);
    private final ReportDefinition rental = catalogue.get("rental-inspection");

    @Test
    void computedFiguresStaySuggestionsMayChange() {
        Map<String, Object> computed = Map.of("rentalHouses", 12L, "inspectionsDue", 20L, "inspectionsDone", 18L,
                "hazardsFound", 3L, "hazardsRectified", 2L);
        Map<String, Object> submitted = Map.of("rentalHouses", 999L, "inspectionsDone", 19L, "rentalMeasures", "复查");

        Map<String, Object> values = ReportFields.merge(rental, computed, submitted);

        assertThat(values).containsEntry("rentalHouses", 12L).containsEntry("inspectionsDone", 19L)
                .containsEntry("hazardsFound", 3L).containsEntry("rentalMeasures", "复查");
    }

    @Test
    void missingNegativeFractionalAndTooLongValuesAreRefusedInWords() {
        Map<String, Object> values = new HashMap<>(Map.of("rentalHouses", 12L, "inspectionsDue", 20L,
                "inspectionsDone", "-1", "hazardsFound", 2.5, "hazardsRectified", 0L, "rentalMeasures", "字".repeat(1001)));

        assertThat(ReportFields.validate(rental, values)).containsExactly("实际检查次数：不能小于 0", "发现隐患：应为整数",
                "整改措施及下月计划：最多 1000 字");
        values.remove("rentalMeasures");
        assertThat(ReportFields.validate(rental, values)).contains("整改措施及下月计划：必填");
    }

    @Test
    void formNumbersAreTyped() {
        ReportDefinition grievance = catalogue.get("grievance-monthly");
        Map<String, Object> values = new HashMap<>(Map.of("received", 4.0, "closed", "3", "overdue", 0L,
                "satisfactionRate", 87.5, "grievanceAnalysis", " 以环境卫生为主 "));

        assertThat(ReportFields.validate(grievance, values)).isEmpty();
        assertThat(values).containsEntry("received", 4L).containsEntry("closed", 3L)
                .containsEntry("satisfactionRate", new BigDecimal("87.5"))
                .containsEntry("grievanceAnalysis", "以环境卫生为主");
    }
}
