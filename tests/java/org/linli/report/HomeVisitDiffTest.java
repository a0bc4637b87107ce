package org.linli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linli.report.HomeVisitDiff.Change;
import org.linli.report.HomeVisitDiff.Kind;
import org.linli.report.HomeVisitDiff.Observed;
import org.linli.report.HomeVisitDiff.OnRecord;

/** What a home visit found that base data does not say. */
class HomeVisitDiffTest {

    private static final OnRecord RECORD = new OnRecord("13800138001", 0, false);

    @Test
    void aNewPhoneAMoveAndANewDisabilityCertificateAreThreeChanges() {
        List<Change> changes = HomeVisitDiff.between(RECORD,
                new Observed("13912345678", true, LocalDate.of(2026, 11, 20), 2));

        assertThat(changes).containsExactly(new Change(Kind.PHONE, "13800138001", "13912345678"),
                new Change(Kind.MOVED_OUT, null, "2026-11-20"), new Change(Kind.DISABILITY, "0", "2"));
    }

    @Test
    void theSameFactsWrittenDifferentlyAreNoChange() {
        assertThat(HomeVisitDiff.between(RECORD, new Observed("+86 138-0013-8001", false, null, 0))).isEmpty();
    }

    @Test
    void whatTheVisitorDidNotCheckIsNeverAChange() {
        assertThat(HomeVisitDiff.between(RECORD, new Observed(null, null, null, null))).isEmpty();
        assertThat(HomeVisitDiff.between(RECORD, new Observed("  ", null, null, null))).isEmpty();
    }

    @Test
    void someoneAlreadyRecordedAsGoneIsNotMovedOutTwice() {
        assertThat(HomeVisitDiff.between(new OnRecord(null, 3, true), new Observed("13912345678", true, null, 3)))
                .containsExactly(new Change(Kind.PHONE, null, "13912345678"));
    }
}
