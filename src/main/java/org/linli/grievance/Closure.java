package org.linli.grievance;

/** How a grievance case ended. */
public enum Closure {
    /** The resident was satisfied and a clerk checked and closed the case (核查结案). */
    RESOLVED,
    /** The resident did not rate within the rating window. */
    NO_RATING,
    /** A supervisor closed the case after a second failure. */
    SUPERVISOR_CLOSED,
    /** The report was rejected at verification. */
    REJECTED,
    /** The report was merged into another open case. */
    MERGED
}
