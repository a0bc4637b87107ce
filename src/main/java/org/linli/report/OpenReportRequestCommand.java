package org.linli.report;

import java.time.Instant;
import java.util.List;

/**
 * A street or county asks communities for a report.
 *
 * @param reportType a report type code ({@code GET /api/reports/types})
 * @param period the month reported on, {@code yyyy-MM}
 * @param deadline when the communities must have submitted
 * @param communities the community codes asked
 */
public record OpenReportRequestCommand(String reportType, String period, Instant deadline, List<String> communities) {
}
