package org.linli.report;

import java.time.LocalDate;

/**
 * What a grid worker saw on a home visit. Null fields were not checked.
 *
 * @param movedOut the resident no longer lives here
 * @param disabilityLevel the level on the disability certificate shown (0 = none, 1 most severe to 4)
 */
public record RecordHomeVisitCommand(long residentId, LocalDate visitedOn, String phone, Boolean movedOut,
        LocalDate movedOutOn, Integer disabilityLevel, String note) {
}
