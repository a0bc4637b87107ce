package org.linli.deliberation;

import java.time.Instant;

/** One round of a topic ({@code dlb_round}): discussion, then a vote closed by a timer. */
record Round(long id, String topicNumber, int roundNumber, Status status, Instant discussionEndsAt,
        Instant votingClosesAt, boolean extended, String result, Long decidedOptionId, Integer eligibleHouseholds,
        Integer votedHouseholds) {

    enum Status {
        DISCUSSION, VOTING, CLOSED
    }

    /** Votes count while the round is voting and its closing time has not come. */
    boolean acceptsVotesAt(Instant now) {
        return status == Status.VOTING && votingClosesAt != null && now.isBefore(votingClosesAt);
    }

    record Option(long id, int position, String label) {
    }
}
