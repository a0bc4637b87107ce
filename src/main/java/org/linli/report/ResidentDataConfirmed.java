package org.linli.report;

import java.time.Instant;

/**
 * Published when a change found on a home visit was confirmed and written to base data, so that features such as
 * policy eligibility can re-evaluate the resident.
 *
 * @param change PHONE, MOVED_OUT or DISABILITY
 */
public record ResidentDataConfirmed(long residentId, String change, long visitId, String confirmedBy,
        Instant confirmedAt) {
}
