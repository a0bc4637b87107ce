package org.linli.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.linli.basedata.HouseholdDirectory.PlaceSelector;
import org.linli.web.ProblemException;

class AffectedAreaTest {

    @Test
    void parsesGridsBuildingsAndStairwellsOnePerLine() {
        AffectedArea area = AffectedArea.parse(" xh01-01/幸福路12号/3/2 \n\nxh01-02\nxh01-01/幸福路12号/5\nxh01-02");
        assertThat(area.places()).containsExactly(new PlaceSelector("xh01-01", "幸福路12号", "3", "2"),
                new PlaceSelector("xh01-02", null, null, null), new PlaceSelector("xh01-01", "幸福路12号", "5", null));
        assertThat(AffectedArea.parse(area.text())).isEqualTo(area);
    }

    @Test
    void rejectsGapsAndEmptyAreas() {
        assertThatThrownBy(() -> AffectedArea.parse("xh01-01//3")).isInstanceOf(ProblemException.Invalid.class)
                .hasMessageContaining("grid/road/building/unit");
        assertThatThrownBy(() -> AffectedArea.parse("  ")).isInstanceOf(ProblemException.Invalid.class);
        assertThatThrownBy(() -> AffectedArea.of(java.util.List.of(new PlaceSelector("xh01-01", null, "3", null))))
                .isInstanceOf(ProblemException.Invalid.class);
    }
}
