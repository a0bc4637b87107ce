package org.linli.portal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Between a Camunda Form and the portal: which variables a form shows (its field keys and the {@code {{name}}}
 * placeholders of its texts, nothing else of the process), and the submitted data read into a checked record
 * whose problems are told in Chinese.
 */
@Component
class FormData {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final ObjectMapper json;
    private final Validator validator;

    FormData(ObjectMapper json, Validator validator) {
        // a form submits its display fields too (measures, policyName...): only the record's fields are read
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.validator = validator;
    }

    /** 评价办理结果 (grievance-handling-rate). */
    record Rating(
            @NotNull(message = "请选择满意度") @Min(value = 1, message = "满意度最低 1 分") @Max(value = 5,
                    message = "满意度最高 5 分") Integer rating,
            Boolean solved,
            @Size(max = 500, message = "评价意见最多 500 字") String ratingComment) {

        boolean solvedOrFalse() {
            return Boolean.TRUE.equals(solved);
        }
    }

    /** 居民确认是否申请 (policy-outreach-offer). */
    record OfferAnswer(
            @NotNull(message = "请选择是否申请")
            @jakarta.validation.constraints.Pattern(regexp = "confirm|decline|help", message = "请选择确认申请、暂不申请或请社区工作人员帮我")
            String answer) {
    }

    Set<String> namesIn(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        collect(schema, names);
        return names;
    }

    private void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            if (node.hasNonNull("key") && node.get("key").isTextual()) {
                names.add(node.get("key").asText());
            }
            if (node.hasNonNull("text") && node.get("text").isTextual()) {
                Matcher placeholder = PLACEHOLDER.matcher(node.get("text").asText());
                while (placeholder.find()) {
                    names.add(placeholder.group(1));
                }
            }
        }
        node.forEach(child -> collect(child, names));
    }

    /** The submitted data as {@code type}; a 400 problem listing every wrong field, in Chinese. */
    <T> T read(Map<String, Object> data, Class<T> type) {
        T value;
        try {
            value = json.convertValue(data == null ? Map.of() : data, type);
        } catch (IllegalArgumentException e) {
            throw PortalProblems.invalid("表单内容格式不正确（例如数字处填了文字）");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw PortalProblems.invalid(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + "：" + v.getMessage())
                    .collect(Collectors.joining("；")));
        }
        return value;
    }
}
