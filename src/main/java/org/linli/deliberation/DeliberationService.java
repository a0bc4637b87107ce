package org.linli.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

import org.linli.basedata.HouseholdDirectory;
import org.linli.basedata.HouseholdDirectory.HouseholdPlace;
import org.linli.deliberation.Tally.Majority;
import org.linli.deliberation.Topic.Status;
import org.linli.security.CaseAccess;
import org.linli.security.LinliGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code processes/deliberation.bpmn} that change a topic. Each method is called by one thin delegate;
 * the process decides what comes next from the values they answer.
 */
@Service
public class DeliberationService {

    static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TopicStore topics;
    private final RoundStore rounds;
    private final ParticipantStore participants;
    private final HouseholdDirectory households;
    private final Notices notices;
    private final CaseAccess caseAccess;
    private final DeliberationProperties properties;
    private final Clock clock;

    DeliberationService(TopicStore topics, RoundStore rounds, ParticipantStore participants,
            HouseholdDirectory households, Notices notices, CaseAccess caseAccess, DeliberationProperties properties,
            Clock clock) {
        this.topics = topics;
        this.rounds = rounds;
        this.participants = participants;
        this.households = households;
        this.notices = notices;
        this.caseAccess = caseAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /** Not enough households co-signed in time: the proposal lapses. */
    @Transactional
    public void lapse(String topicNumber) {
        Topic topic = topics.lock(topicNumber);
        topics.setStatus(topicNumber, Status.LAPSED, clock.instant());
        notices.users(topics.supporters(topicNumber), "议题联署不足", "议题 " + topicNumber + "（" + topic.title()
                + "）在联署期内未达到 " + properties.coSignThreshold() + " 户，已失效。", topicNumber);
    }

    /** Declines the topic; the reason is published on the board and sent to proposer and co-signers. */
    @Transactional
    public void decline(String topicNumber, String reason) {
        Topic topic = topics.lock(topicNumber);
        topics.update(topicNumber, "status = ?, decline_reason = ?", clock.instant(), Status.DECLINED.name(), reason);
        notices.users(topics.supporters(topicNumber), "议题不予立项", "议题 " + topicNumber + " 不予立项，理由：" + reason,
                topicNumber);
        notices.board(topic.communityCode(), "议题不予立项：" + topic.title(), "理由：" + reason, topicNumber);
    }

    /** Merges the topic into an open one; its supporters follow the target from now on. */
    @Transactional
    public void merge(String topicNumber, String targetTopicNumber) {
        Topic target = topics.load(targetTopicNumber);
        if (target.status().isFinal() || target.topicNumber().equals(topicNumber)) {
            throw DeliberationProblems.wrongPhase(targetTopicNumber, "cannot take merged topics (closed or itself)");
        }
        topics.lock(topicNumber);
        topics.update(topicNumber, "status = ?, merged_into = ?", clock.instant(), Status.MERGED.name(),
                targetTopicNumber);
        notices.users(topics.supporters(topicNumber), "议题已合并", "议题 " + topicNumber + " 与 " + targetTopicNumber
                + " 内容相同，已合并协商，请关注 " + targetTopicNumber + "。", topicNumber);
    }

    /**
     * 谁来议: the households of the affected area (floor area frozen now) plus the invited representatives, who
     * discuss but do not vote; the rules from the decision are stored with the topic. Answers the households.
     */
    @Transactional
    public int setUp(SetUpDeliberationCommand command) {
        Topic topic = topics.lock(command.topicNumber());
        List<HouseholdPlace> affected = households.householdsIn(AffectedArea.parse(topic.affectedArea()).places());
        affected.forEach(h -> participants.addHousehold(topic.topicNumber(), h.id(), h.floorAreaOrZero()));
        command.representatives().forEach(r -> participants.addRepresentative(topic.topicNumber(), r));
        topics.update(topic.topicNumber(), "status = ?, topic_type = ?, quorum_percent = ?, majority_type = ?, "
                        + "max_rounds = ?, responsible_group = ?", clock.instant(), Status.DELIBERATING.name(),
                command.topicType(), command.quorumPercent(), Majority.valueOf(command.majorityType()).name(),
                command.maxRounds(), command.responsibleGroup());
        caseAccess.grantRead(topic.processInstanceId(), command.responsibleGroup());
        notices.users(participants.householdUsers(topic.topicNumber()), "邀请您参与社区协商",
                "议题 " + topic.topicNumber() + "：" + topic.title() + "。每户一票，讨论后投票。", topic.topicNumber());
        return affected.size();
    }

    /** 怎么议: opens the next round with its options and its discussion period. */
    @Transactional
    public OpenedRound openRound(String topicNumber, List<String> options) {
        Topic topic = topics.lock(topicNumber);
        List<String> clean = RoundOptions.check(options);
        int number = rounds.current(topicNumber).map(r -> r.roundNumber() + 1).orElse(1);
        Instant discussionEnds = clock.instant().plus(properties.discussionPeriod());
        rounds.open(topicNumber, number, discussionEnds, clean);
        notices.users(participants.householdUsers(topicNumber), "第 " + number + " 轮协商开始",
                "议题 " + topicNumber + "（" + topic.title() + "）第 " + number + " 轮讨论至 " + text(discussionEnds)
                        + "，选项：" + String.join(" / ", clean), topicNumber);
        return new OpenedRound(number, Date.from(discussionEnds));
    }

    /** The discussion period ended: the vote opens until the answered date. */
    @Transactional
    public Date openVoting(String topicNumber) {
        Round round = currentRound(topicNumber);
        Instant closes = clock.instant().plus(properties.votingPeriod());
        rounds.openVoting(round.id(), closes);
        notices.users(participants.householdUsers(topicNumber), "协商投票开始",
                "议题 " + topicNumber + " 第 " + round.roundNumber() + " 轮投票至 " + text(closes) + "，每户一票，截止前可修改。",
                topicNumber);
        return Date.from(closes);
    }

    /** Counts the round at its closing time, without closing it (the quorum may still get an extension). */
    @Transactional(readOnly = true)
    public RoundOutcome tally(String topicNumber) {
        Topic topic = topics.load(topicNumber);
        Tally tally = count(topic, currentRound(topicNumber));
        return new RoundOutcome(tally.result().name(), tally.summary(), tally.decided().map(c -> c.label()).orElse(null));
    }

    /** Quorum not reached: remind the households that have not voted, and keep the vote open once more. */
    @Transactional
    public Date extendVoting(String topicNumber) {
        Round round = currentRound(topicNumber);
        Instant closes = clock.instant().plus(properties.votingExtension());
        rounds.extend(round.id(), closes);
        notices.users(participants.nonVoterUsers(topicNumber, round.id()), "提醒：请参与投票",
                "议题 " + topicNumber + " 参与户数未达法定人数，投票延长至 " + text(closes) + "，请您投票。", topicNumber);
        return Date.from(closes);
    }

    /** Closes the round for good (its votes never change again) and publishes its result, without names. */
    @Transactional
    public RoundOutcome closeRound(String topicNumber) {
        Topic topic = topics.lock(topicNumber);
        Round round = currentRound(topicNumber);
        if (!rounds.freeze(round.id(), clock.instant())) {
            throw DeliberationProblems.votingClosed(topicNumber);
        }
        Tally tally = count(topic, round);
        rounds.recordResult(round.id(), tally.result().name(), tally.decided().map(c -> c.optionId()).orElse(null),
                tally.eligible(), tally.voted(), tally.eligibleArea());
        notices.board(topic.communityCode(), "协商第 " + round.roundNumber() + " 轮结果：" + topic.title(),
                tally.summary(), topicNumber);
        return new RoundOutcome(tally.result().name(), tally.summary(), tally.decided().map(c -> c.label()).orElse(null));
    }

    /** 议的效果: publishes the decision and gives the responsible party its due date. */
    @Transactional
    public Implementation publishOutcome(String topicNumber) {
        Topic topic = topics.lock(topicNumber);
        Round round = currentRound(topicNumber);
        String outcome = rounds.options(round.id()).stream().filter(o -> Long.valueOf(o.id()).equals(round.decidedOptionId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Round without decision")).label();
        Instant due = clock.instant().plus(properties.implementationPeriod());
        topics.update(topicNumber, "status = ?, outcome = ?, implementation_due_at = ?", clock.instant(),
                Status.IMPLEMENTING.name(), outcome, due);
        String body = "议题 " + topicNumber + "（" + topic.title() + "）经第 " + round.roundNumber() + " 轮表决形成决议："
                + outcome + "。由落实单位于 " + text(due) + " 前落实。";
        notices.users(participants.householdUsers(topicNumber), "协商结果公示", body, topicNumber);
        notices.board(topic.communityCode(), "协商结果：" + topic.title(), body, topicNumber);
        notices.group(topic.responsibleGroup(), "请落实协商结果", body, topicNumber);
        return new Implementation(Date.from(due), text(due), outcome);
    }

    /** The last round passed without a decision: the topic ends, and the board says so. */
    @Transactional
    public void publishNoDecision(String topicNumber) {
        Topic topic = topics.lock(topicNumber);
        topics.setStatus(topicNumber, Status.NO_DECISION, clock.instant());
        String body = "议题 " + topicNumber + "（" + topic.title() + "）经 " + rounds.all(topicNumber).size()
                + " 轮协商未形成决议，本次协商结束。";
        notices.users(participants.householdUsers(topicNumber), "协商未形成决议", body, topicNumber);
        notices.board(topic.communityCode(), "协商结果：" + topic.title(), body, topicNumber);
    }

    /** The implementation is overdue: flag it and hand it to the supervisors (督办); the task stays open. */
    @Transactional
    public void escalateImplementation(String topicNumber) {
        Topic topic = topics.lock(topicNumber);
        topics.update(topicNumber, "implementation_overdue = ?", clock.instant(), true);
        String body = "议题 " + topicNumber + "（" + topic.title() + "）的协商结果未在期限内落实，落实单位："
                + topic.responsibleGroup() + "。";
        notices.group(LinliGroups.SUPERVISORS, "协商结果落实超期", body, topicNumber);
        notices.group(topic.responsibleGroup(), "协商结果落实已超期", body, topicNumber);
    }

    /** Publishes what was done and opens the satisfaction vote on the effect; answers when it closes. */
    @Transactional
    public Date recordImplementation(String topicNumber, String report) {
        Topic topic = topics.lock(topicNumber);
        Instant closes = clock.instant().plus(properties.satisfactionPeriod());
        topics.update(topicNumber, "status = ?, implementation_report = ?, satisfaction_closes_at = ?", clock.instant(),
                Status.FOLLOW_UP.name(), report, closes);
        String body = "议题 " + topicNumber + "（" + topic.title() + "）落实情况：" + report + " 请于 " + text(closes)
                + " 前评价满意度。";
        notices.users(participants.householdUsers(topicNumber), "协商结果已落实，请评价", body, topicNumber);
        notices.board(topic.communityCode(), "落实情况：" + topic.title(), report, topicNumber);
        return Date.from(closes);
    }

    /** The satisfaction vote closed: the topic is concluded and archived. */
    @Transactional
    public void conclude(String topicNumber) {
        topics.lock(topicNumber);
        topics.setStatus(topicNumber, Status.CONCLUDED, clock.instant());
    }

    private Round currentRound(String topicNumber) {
        return rounds.current(topicNumber)
                .orElseThrow(() -> DeliberationProblems.wrongPhase(topicNumber, "no round has started"));
    }

    private Tally count(Topic topic, Round round) {
        ParticipantStore.Eligible eligible = participants.eligible(topic.topicNumber());
        return Tally.count(rounds.counts(round.id()), eligible.households(), eligible.area(), topic.quorumPercent(),
                Majority.valueOf(topic.majorityType()));
    }

    private String text(Instant instant) {
        return DATE_TEXT.format(instant.atZone(properties.zone()));
    }

    /** Set up the deliberation of an accepted topic, with the rules of the decision table. */
    public record SetUpDeliberationCommand(String topicNumber, String topicType, int quorumPercent,
            String majorityType, int maxRounds, List<String> representatives, String responsibleGroup) {
    }

    public record OpenedRound(int roundNumber, Date discussionEndsAt) {
    }

    /** {@code result} is a {@link Tally.Result} name; {@code decided} the winning option's label, if any. */
    public record RoundOutcome(String result, String summary, String decided) {
    }

    public record Implementation(Date dueAt, String dueText, String outcome) {
    }
}
