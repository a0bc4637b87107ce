package org.linli.report;

import java.util.List;
import java.util.Optional;

/**
 * A report type (报表类型): its field definition, read from {@code templates/report/<code>.json}, beside the
 * FreeMarker templates {@code <code>.ftlh} (HTML) and {@code <code>.csv.ftl} (CSV).
 *
 * @param standard 制式 (every figure computed from base data) or 非制式 (figures suggested, the worker decides)
 */
public record ReportDefinition(String code, String name, boolean standard, List<FieldDefinition> fields,
        List<TableDefinition> tables) {

    public ReportDefinition {
        fields = List.copyOf(fields);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public Optional<FieldDefinition> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Fields summed up in the consolidated report of a request. */
    public List<FieldDefinition> summaryFields() {
        return fields.stream().filter(FieldDefinition::summary).toList();
    }

    /** Where a field's value comes from. */
    public enum Source {
        /** Computed by a named query and locked: the worker sees it, cannot change it. */
        COMPUTED,
        /** Pre-filled by a named query as a suggestion the worker accepts or changes. */
        SUGGESTED,
        /** Typed by the worker. */
        MANUAL
    }

    public enum FieldType {
        INTEGER, DECIMAL, TEXT
    }

    /**
     * One figure or text of a report.
     *
     * @param query the named query ({@link NamedQueries}) computing or suggesting the value; none for manual fields
     * @param summary summed per community in the consolidated report
     */
    public record FieldDefinition(String key, String label, FieldType type, Source source, String query,
            boolean required, Double min, Double max, Integer maxLength, boolean summary) {

        public boolean editable() {
            return source != Source.COMPUTED;
        }
    }

    /** A list of rows computed by a named query (by grid, by category, the roster...). */
    public record TableDefinition(String key, String query) {
    }
}
