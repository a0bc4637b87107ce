package org.linli.report;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linli.report.ReportDefinition.FieldDefinition;
import org.linli.report.ReportDefinition.Source;
import org.springframework.stereotype.Component;

/** Fills a report for one community and month from base data: every computed and suggested field, every table. */
@Component
class ReportFill {

    private final NamedQueries queries;

    ReportFill(NamedQueries queries) {
        this.queries = queries;
    }

    Filled fill(ReportDefinition definition, String communityCode, YearMonth period) {
        return new Filled(computed(definition, communityCode, period), tables(definition, communityCode, period));
    }

    /** Only the computed and suggested fields. */
    Map<String, Object> computed(ReportDefinition definition, String communityCode, YearMonth period) {
        Map<String, Object> computed = new LinkedHashMap<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.source() != Source.MANUAL) {
                computed.put(field.key(), queries.value(field.query(), communityCode, period));
            }
        }
        return computed;
    }

    /** Only the tables (rows by grid, the roster...), as base data has them now. */
    Map<String, List<Map<String, Object>>> tables(ReportDefinition definition, String communityCode,
            YearMonth period) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        definition.tables().forEach(t -> tables.put(t.key(), queries.rows(t.query(), communityCode, period)));
        return tables;
    }

    /** What the named query behind a field counts, in words; empty for manual fields. */
    String from(FieldDefinition field) {
        return field.source() == Source.MANUAL ? "" : queries.from(field.query());
    }

    /**
     * @param computed the system's value of every computed and suggested field
     * @param tables the rows of every table
     */
    record Filled(Map<String, Object> computed, Map<String, List<Map<String, Object>>> tables) {
    }
}
