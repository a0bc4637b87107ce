package org.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class SlaCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday 2026-11-26 10:00 in Shanghai. */
    static final Instant THURSDAY_10 = ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, SHANGHAI).toInstant();

    @Test
    void urgentCasesRunOnTheClock() {
        assertThat(SlaCalendar.due(THURSDAY_10, "PT24H", false, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, SHANGHAI).toInstant());
    }

    @Test
    void workingDaysSkipTheWeekend() {
        // Thursday + 3 working days = Friday, Monday, Tuesday
        assertThat(SlaCalendar.due(THURSDAY_10, "P3D", true, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, SHANGHAI).toInstant());
    }

    @Test
    void calendarDaysWhenNotWorkingDays() {
        assertThat(SlaCalendar.due(THURSDAY_10, "P3D", false, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 11, 29, 10, 0, 0, 0, SHANGHAI).toInstant());
    }

    @Test
    void remindsAtThreeQuartersOfTheWay() {
        Deadline deadline = SlaCalendar.deadline(THURSDAY_10, "PT24H", false, SHANGHAI);

        assertThat(deadline.remindAt().toInstant()).isEqualTo(THURSDAY_10.plusSeconds(18 * 3600));
        assertThat(deadline.dueAt().toInstant()).isEqualTo(THURSDAY_10.plusSeconds(24 * 3600));
    }
}
