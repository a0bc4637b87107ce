package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linli.report.ReportDocument.FieldValue;

/** The report types as shipped, their escaping, and the startup check that rejects a bad template or definition. */
class ReportCatalogueTest {

    private final ReportCatalogue catalogue = new ReportCatalogue(new ObjectMapper(), "templates/report", name -> true);

    @Test
    void shipsTheFourReportTypesStandardAndNot() {
        assertThat(catalogue.all()).extracting(ReportDefinition::code).containsExactlyInAnyOrder(
                "population-change", "special-care-roster", "grievance-monthly", "rental-inspection");
        assertThat(catalogue.get("population-change").standard()).isTrue();
        assertThat(catalogue.get("rental-inspection").standard()).isFalse();
    }

    @Test
    void htmlEscapesWhatWorkersTyped() {
        String html = catalogue.html(document("<script>alert(1)</script>"));

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void csvQuotesCellsAndDefusesFormulas() {
        String csv = catalogue.csv(document("=HYPERLINK(\"x\"),再见"));

        assertThat(csv).contains("备注,\"'=HYPERLINK(\"\"x\"\"),再见\",人工填报");
        assertThat(csv).contains("第1网格,2,0,1,0");
    }

    @Test
    void aTemplateThatDoesNotParseStopsTheStartup() {
        assertThatThrownBy(() -> new ReportCatalogue(new ObjectMapper(), "report-broken", name -> true))
                .isInstanceOf(ReportCatalogue.ReportTemplateException.class)
                .hasMessageContaining("broken.ftlh");
    }

    @Test
    void aFieldWithoutItsNamedQueryStopsTheStartup() {
        assertThatThrownBy(() -> new ReportCatalogue(new ObjectMapper(), "report-unknown-query",
                name -> !name.equals("population.unicorns")))
                .isInstanceOf(ReportCatalogue.ReportTemplateException.class)
                .hasMessageContaining("population.unicorns");
    }

    private static ReportDocument document(String remarks) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("births", 2L);
        values.put("populationRemarks", remarks);
        List<FieldValue> fields = List.of(
                new FieldValue("births", "出生人数", 2L, "系统计算", "人口变动登记：本月出生", false, null),
                new FieldValue("populationRemarks", "备注", remarks, "人工填报", "", false, null));
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("grid_name", "第1网格");
        grid.put("births", 2L);
        grid.put("deaths", 0L);
        grid.put("moved_in", 1L);
        grid.put("moved_out", 0L);
        return new ReportDocument("population-change", "人口变动月报", true, "xh01", "新华社区", "2026-10", 1, "已上报",
                "wang.fang", "2026-11-01 09:00", fields, values, Map.of("grids", List.of(grid)));
    }
}
