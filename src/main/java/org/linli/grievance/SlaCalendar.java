package org.linli.grievance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Turns a handling time limit (ISO-8601, as the routing DMN gives it) into a due date: clock time for
 * urgent cases ({@code PT24H}), working days for the others ({@code P3D} = three working days, Saturdays
 * and Sundays skipped; public holidays are not modelled). The reminder falls at 75 % of the way.
 */
final class SlaCalendar {

    static final double REMINDER_SHARE = 0.75;

    private SlaCalendar() {
    }

    static Deadline deadline(Instant from, String sla, boolean workingDays, ZoneId zone) {
        Instant due = due(from, sla, workingDays, zone);
        long millis = Duration.between(from, due).toMillis();
        Instant remind = from.plusMillis((long) (millis * REMINDER_SHARE));
        return new Deadline(Date.from(due), Date.from(remind));
    }

    static Instant due(Instant from, String sla, boolean workingDays, ZoneId zone) {
        if (sla == null || sla.isBlank()) {
            throw new IllegalArgumentException("no SLA given");
        }
        if (sla.contains("T")) {
            return from.plus(Duration.parse(sla));
        }
        Period period = Period.parse(sla);
        ZonedDateTime start = from.atZone(zone);
        if (!workingDays) {
            return start.plus(period).toInstant();
        }
        ZonedDateTime due = start;
        int days = period.getDays() + period.getMonths() * 30 + period.getYears() * 365;
        while (days > 0) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days--;
            }
        }
        return due.toInstant();
    }
}
