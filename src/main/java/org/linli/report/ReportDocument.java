package org.linli.report;

import java.util.List;
import java.util.Map;

/**
 * The one model of a report template ({@code templates/report/<type>.ftlh} and {@code .csv.ftl}): what a
 * community reports for a month. Templates only lay it out.
 *
 * @param values every field's value by key, for templates that place figures one by one
 * @param tables the rows of the report's tables by table key (column names in lower case)
 */
public record ReportDocument(String typeCode, String title, boolean standard, String communityCode,
        String communityName, String period, int version, String state, String filedBy, String generatedAt,
        List<FieldValue> fields, Map<String, Object> values, Map<String, List<Map<String, Object>>> tables) {

    /**
     * One field as filed.
     *
     * @param source 系统计算, 系统建议 or 人工填报
     * @param from what a computed or suggested value was counted from (empty for manual fields)
     * @param changed the worker changed the system's suggestion
     * @param suggested the system's suggestion, when the worker changed it
     */
    public record FieldValue(String key, String label, Object value, String source, String from, boolean changed,
            Object suggested) {
    }
}
