package org.linli.deliberation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.linli.basedata.HouseholdDirectory;
import org.linli.deliberation.CommentStore.Satisfaction;
import org.linli.deliberation.PointsLedger.Balance;
import org.linli.deliberation.RoundStore.VoteRecord;
import org.linli.deliberation.Tally.OptionCount;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side. Votes are secret: residents see their own household's choice and, once a round is closed, the counts;
 * only supervisors see who voted what (audit). The board and comments never show residents' names or ids.
 */
@Service
public class DeliberationQueries {

    private final TopicStore topics;
    private final RoundStore rounds;
    private final ParticipantStore participants;
    private final CommentStore comments;
    private final PointsLedger points;
    private final HouseholdDirectory households;
    private final DeliberationProperties properties;

    DeliberationQueries(TopicStore topics, RoundStore rounds, ParticipantStore participants, CommentStore comments,
            PointsLedger points, HouseholdDirectory households, DeliberationProperties properties) {
        this.topics = topics;
        this.households = households;
        this.rounds = rounds;
        this.participants = participants;
        this.comments = comments;
        this.points = points;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public TopicView topic(String topicNumber, CurrentUser user) {
        Topic t = topics.load(topicNumber);
        boolean staff = user.isStaff();
        Long household = households.householdOfAccount(user.id()).orElse(null);
        List<RoundView> roundViews = rounds.all(topicNumber).stream().map(r -> round(r, household)).toList();
        List<CommentView> discussion = comments.of(topicNumber).stream()
                .map(c -> new CommentView(c.roundNumber(), staff ? c.userId() : c.userId().equals(user.id()) ? "我" : "参与者",
                        c.text(), c.createdAt()))
                .toList();
        ParticipantStore.Eligible eligible = participants.eligible(topicNumber);
        Satisfaction satisfaction = comments.satisfaction(topicNumber);
        return new TopicView(t.topicNumber(), t.title(), t.description(), t.topicType(),
                TopicTypes.LABELS.get(t.topicType()), t.communityCode(), t.affectedArea(), t.status().name(),
                t.status().label(), topics.coSignCount(topicNumber), properties.coSignThreshold(), t.coSignDeadline(),
                t.declineReason(), t.mergedInto(), t.quorumPercent(), t.majorityType(), t.maxRounds(),
                eligible.households(), eligible.area(), staff ? participants.representatives(topicNumber) : null,
                household != null && participants.isHousehold(topicNumber, household), t.proposedBy().equals(user.id()),
                roundViews, discussion, t.outcome(), t.implementationDueAt(), t.implementationOverdue(),
                t.implementationReport(), t.satisfactionClosesAt(), satisfaction.ratings(), satisfaction.average());
    }

    /** The community board (信息发布): every topic's state and result, without names. */
    @Transactional(readOnly = true)
    public List<BoardEntry> board(String communityCode) {
        return topics.ofCommunity(communityCode, 100).stream().map(t -> {
            List<Round> all = rounds.all(t.topicNumber());
            Round last = all.isEmpty() ? null : all.get(all.size() - 1);
            String result = last == null || last.status() != Round.Status.CLOSED ? null
                    : summary(last);
            return new BoardEntry(t.topicNumber(), t.title(), TopicTypes.LABELS.get(t.topicType()), t.status().label(),
                    topics.coSignCount(t.topicNumber()), all.size(), result, t.outcome(), t.declineReason(),
                    t.implementationReport(), t.createdAt());
        }).toList();
    }

    /** Who voted what in a round: supervisors only (audit). */
    @Transactional(readOnly = true)
    public List<VoteRecord> votes(String topicNumber, int roundNumber, CurrentUser user) {
        if (!user.isIn(LinliGroups.SUPERVISORS) && !user.isIn(LinliGroups.ADMINS)) {
            throw DeliberationProblems.notSupervisor();
        }
        topics.load(topicNumber);
        Round round = rounds.all(topicNumber).stream().filter(r -> r.roundNumber() == roundNumber).findFirst()
                .orElseThrow(() -> DeliberationProblems.invalid("Topic " + topicNumber + " has no round " + roundNumber));
        return rounds.votes(round.id());
    }

    /** The votes {@code userId} cast: their own data, for their export. */
    @Transactional(readOnly = true)
    public List<CastVote> votesOf(String userId) {
        return rounds.votesOf(userId);
    }

    @Transactional(readOnly = true)
    public Balance points(String userId, CurrentUser user) {
        if (!userId.equals(user.id()) && !user.isStaff()) {
            throw DeliberationProblems.notStaff();
        }
        return points.balance(userId);
    }

    private RoundView round(Round r, Long household) {
        boolean closed = r.status() == Round.Status.CLOSED;
        List<OptionCount> counts = rounds.counts(r.id());
        List<OptionView> options = counts.stream()
                .map(c -> new OptionView(c.optionId(), c.label(), closed ? c.votes() : null, closed ? c.area() : null))
                .toList();
        Long mine = household == null ? null : rounds.voteOf(r.id(), household).orElse(null);
        return new RoundView(r.roundNumber(), r.status().name(), r.discussionEndsAt(), r.votingClosesAt(),
                r.extended(), options, mine, r.result(), r.eligibleHouseholds(), r.votedHouseholds(),
                closed ? summary(r) : null);
    }

    private String summary(Round r) {
        ParticipantStore.Eligible eligible = participants.eligible(r.topicNumber());
        Topic topic = topics.load(r.topicNumber());
        return Tally.count(rounds.counts(r.id()), eligible.households(), eligible.area(), topic.quorumPercent(),
                Tally.Majority.valueOf(topic.majorityType())).summary();
    }

    public record TopicView(String topicNumber, String title, String description, String topicType, String typeLabel,
            String communityCode, String affectedArea, String status, String statusLabel, int coSignCount,
            int coSignThreshold, Instant coSignDeadline, String declineReason, String mergedInto,
            Integer quorumPercent, String majorityType, Integer maxRounds, int participatingHouseholds,
            BigDecimal participatingArea, List<String> representatives, boolean myHouseholdParticipates,
            boolean proposedByMe, List<RoundView> rounds, List<CommentView> comments, String outcome,
            Instant implementationDueAt, boolean implementationOverdue, String implementationReport,
            Instant satisfactionClosesAt, int satisfactionRatings, BigDecimal satisfactionAverage) {
    }

    /** {@code votes} and {@code area} only once the round is closed. */
    public record OptionView(long id, String label, Integer votes, BigDecimal area) {
    }

    public record RoundView(int roundNumber, String status, Instant discussionEndsAt, Instant votingClosesAt,
            boolean extended, List<OptionView> options, Long myVote, String result, Integer eligibleHouseholds,
            Integer votedHouseholds, String summary) {
    }

    public record CommentView(int roundNumber, String author, String text, Instant createdAt) {
    }

    public record CastVote(String topicNumber, int roundNumber, String option, Instant votedAt) {
    }

    public record BoardEntry(String topicNumber, String title, String type, String status, int coSignCount,
            int rounds, String lastRoundResult, String outcome, String declineReason, String implementationReport,
            Instant proposedAt) {
    }
}
