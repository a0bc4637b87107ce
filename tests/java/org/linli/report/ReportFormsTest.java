package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linli.report.ReportDefinition.FieldDefinition;
import org.linli.report.ReportDefinition.Source;

/**
 * The worker's Tasklist form matches the field definitions: one field per definition field, shown only for its
 * report type, locked when the system computes it, with the definition's validation rules.
 */
class ReportFormsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ReportCatalogue catalogue = new ReportCatalogue(json, "templates/report", q -> true);

    @Test
    void theFillFormHasEveryFieldOfEveryReportTypeWithItsRules() throws IOException {
        JsonNode form = json.readTree(Path.of("forms/report-filing-complete.form").toFile());
        Map<String, JsonNode> byKey = new HashMap<>();
        form.get("components").forEach(c -> {
            if (c.has("key")) {
                byKey.put(c.get("key").asText(), c);
            }
        });
        int fields = 0;
        for (ReportDefinition definition : catalogue.all()) {
            for (FieldDefinition field : definition.fields()) {
                fields++;
                JsonNode component = byKey.get(field.key());
                assertThat(component).as(field.key()).isNotNull();
                assertThat(component.get("label").asText()).isEqualTo(field.label());
                assertThat(component.at("/conditional/hide").asText())
                        .isEqualTo("=reportType != \"" + definition.code() + "\"");
                assertThat(component.path("disabled").asBoolean()).as(field.key() + " locked")
                        .isEqualTo(field.source() == Source.COMPUTED);
                boolean required = field.required() && field.source() != Source.COMPUTED;
                assertThat(component.at("/validate/required").asBoolean()).as(field.key() + " required")
                        .isEqualTo(required);
                if (field.min() != null) {
                    assertThat(component.at("/validate/min").asDouble()).isEqualTo(field.min());
                }
                if (field.maxLength() != null) {
                    assertThat(component.at("/validate/maxLength").asInt()).isEqualTo(field.maxLength());
                }
                assertThat(component.get("type").asText())
                        .isEqualTo(field.type() == ReportDefinition.FieldType.TEXT ? "textarea" : "number");
            }
        }
        assertThat(byKey).hasSize(fields);
    }
}
