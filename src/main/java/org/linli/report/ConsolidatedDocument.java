package org.linli.report;

import java.util.List;

/**
 * The model of {@code templates/report/consolidated.ftlh} and {@code .csv.ftl}: one line per community of a
 * request with its summary figures, missing communities marked, and the totals of those that submitted.
 */
public record ConsolidatedDocument(String title, String period, long requestId, int version, boolean complete,
        String generatedAt, List<String> columns, List<CommunityLine> lines, List<Object> totals, int submitted,
        int total) {

    public record CommunityLine(String communityCode, String communityName, boolean submitted, boolean overdue,
            List<Object> values) {
    }
}
