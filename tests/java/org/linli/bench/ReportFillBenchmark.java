package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linli.basedata.SyntheticCommunityGenerator;
import org.linli.basedata.SyntheticCommunityGenerator.GenerateCommunityCommand;
import org.linli.basedata.SyntheticCommunityGenerator.GenerationResult;
import org.linli.report.ReportFiling;
import org.linli.security.CurrentUser;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code bin/test -Pbench}: fills and renders (HTML + CSV) each report type for one generated community of about
 * 5,000 residents, the work of the auto-fill step; prints milliseconds per report.
 */
@IntegrationTest
class ReportFillBenchmark {

    private static final CurrentUser ADMIN = new CurrentUser("admin", List.of("camunda-admin"));
    private static final int ROUNDS = 20;

    @Autowired
    SyntheticCommunityGenerator generator;

    @Autowired
    ReportFiling filing;

    @Test
    void fillAndRenderEachReportType() {
        GenerationResult county = generator.generate(new GenerateCommunityCommand(System.nanoTime(), 5_000,
                LocalDate.of(2026, 10, 15)));
        String community = county.countyCode() + "-s1-c1";
        for (String type : List.of("population-change", "special-care-roster", "grievance-monthly",
                "rental-inspection")) {
            for (int i = 0; i < 3; i++) {
                filing.preview(type, community, "2026-10", ADMIN);
            }
            long started = System.nanoTime();
            int bytes = 0;
            for (int i = 0; i < ROUNDS; i++) {
                bytes = filing.preview(type, community, "2026-10", ADMIN).html().length();
            }
            double millis = (System.nanoTime() - started) / 1e6 / ROUNDS;
            System.out.printf("BENCH report.fill type=%s residents=%d ms_per_report=%.1f html_chars=%d%n", type,
                    county.residents(), millis, bytes);
            assertThat(bytes).isPositive();
        }
    }
}
