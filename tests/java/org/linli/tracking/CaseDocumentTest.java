package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaseDocumentTest {

    @Test
    void anOpenCaseMovesFromOnTimeToAtRiskToOverdueAndAClosedOneKeepsItsState() {
        Instant created = Instant.parse("2026-11-20T00:00:00Z");
        Instant due = Instant.parse("2026-11-30T00:00:00Z");
        Instant atRisk = Instant.parse("2026-11-28T00:00:00Z");
        CaseDocument open = document(true, created, due, atRisk, null);
        assertThat(open.slaStateAt(Instant.parse("2026-11-25T00:00:00Z"))).isEqualTo(CaseDocument.ON_TIME);
        assertThat(open.slaStateAt(Instant.parse("2026-11-29T00:00:00Z"))).isEqualTo(CaseDocument.AT_RISK);
        assertThat(open.slaStateAt(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(CaseDocument.OVERDUE);
        CaseDocument closedInTime = document(false, created, due, atRisk, Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(closedInTime.slaStateAt(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(CaseDocument.ON_TIME);
        CaseDocument closedLate = document(false, created, due, atRisk, Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(closedLate.slaStateAt(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(CaseDocument.OVERDUE);
        assertThat(document(true, created, null, null, null).slaStateAt(created)).isNull();
    }

    private static CaseDocument document(boolean open, Instant created, Instant due, Instant atRisk, Instant closed) {
        return new CaseDocument("1", "C-1", "f", "F", open ? "ACTIVE" : "COMPLETED", open, List.of(), List.of(),
                List.of(), List.of(), null, null, null, null, null, null, null, null, null, created, due, atRisk,
                closed, null, null, null, null, null, null, null, null, 0, null, List.of(), null);
    }
}
