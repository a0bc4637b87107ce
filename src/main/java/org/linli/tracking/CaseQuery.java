package org.linli.tracking;

import java.time.Instant;

/**
 * A case search: free text (Chinese phrases or case numbers) and filters, all optional.
 *
 * @param state {@code open}, {@code closed}, or an engine state such as {@code COMPLETED}
 * @param overdue {@code true}: open past due or closed late; {@code false}: neither
 * @param from created at or after
 * @param to created before
 */
public record CaseQuery(String text, String family, String state, String community, String grid, String category,
        Boolean overdue, Instant from, Instant to, int page, int size) {

    static final int MAX_SIZE = 100;

    public CaseQuery {
        if (page < 0) {
            throw TrackingProblems.badQuery("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw TrackingProblems.badQuery("size must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw TrackingProblems.badQuery("from must be before to");
        }
        if (text != null && text.length() > 200) {
            throw TrackingProblems.badQuery("text may have at most 200 characters");
        }
    }
}
