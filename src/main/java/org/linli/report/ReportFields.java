package org.linli.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linli.report.ReportDefinition.FieldDefinition;
import org.linli.report.ReportDefinition.Source;

/**
 * Field values against a report's field definition: typing what a form sent, merging it with what the system
 * computed (computed fields always keep the system's figure), and the definition's validation rules.
 */
final class ReportFields {

    private ReportFields() {
    }

    /**
     * The values to file: computed fields from the system, suggested fields as the worker left them (the suggestion
     * when the worker sent nothing), manual fields as typed.
     */
    static Map<String, Object> merge(ReportDefinition definition, Map<String, Object> computed,
            Map<String, Object> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : definition.fields()) {
            Object value = switch (field.source()) {
                case COMPUTED -> computed.get(field.key());
                case SUGGESTED -> submitted.containsKey(field.key()) && submitted.get(field.key()) != null
                        ? submitted.get(field.key()) : computed.get(field.key());
                case MANUAL -> submitted.get(field.key());
            };
            values.put(field.key(), value);
        }
        return values;
    }

    /** Types every value as its field says (Long, BigDecimal, String); answers the problems in words. */
    static List<String> validate(ReportDefinition definition, Map<String, Object> values) {
        List<String> errors = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            Object raw = values.get(field.key());
            if (raw instanceof String text && text.isBlank()) {
                raw = null;
            }
            if (raw == null) {
                if (field.required()) {
                    errors.add(field.label() + "：必填");
                }
                values.put(field.key(), null);
                continue;
            }
            Object typed = typed(field, raw);
            if (typed == null) {
                errors.add(field.label() + "：应为" + (field.type() == ReportDefinition.FieldType.INTEGER ? "整数" : "数字"));
                continue;
            }
            values.put(field.key(), typed);
            if (typed instanceof Number number) {
                if (field.min() != null && number.doubleValue() < field.min()) {
                    errors.add(field.label() + "：不能小于 " + format(field.min()));
                }
                if (field.max() != null && number.doubleValue() > field.max()) {
                    errors.add(field.label() + "：不能大于 " + format(field.max()));
                }
            } else if (field.maxLength() != null && typed.toString().length() > field.maxLength()) {
                errors.add(field.label() + "：最多 " + field.maxLength() + " 字");
            }
        }
        return errors;
    }

    private static Object typed(FieldDefinition field, Object raw) {
        try {
            return switch (field.type()) {
                case TEXT -> raw.toString().strip();
                case INTEGER -> {
                    BigDecimal number = new BigDecimal(raw.toString().strip());
                    yield number.stripTrailingZeros().scale() > 0 ? null : number.longValueExact();
                }
                case DECIMAL -> new BigDecimal(raw.toString().strip());
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String format(double limit) {
        return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
    }

    static String sourceLabel(Source source) {
        return switch (source) {
            case COMPUTED -> "系统计算";
            case SUGGESTED -> "系统建议";
            case MANUAL -> "人工填报";
        };
    }
}
