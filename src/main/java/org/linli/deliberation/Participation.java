package org.linli.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.HouseholdDirectory;
import org.linli.basedata.HouseholdDirectory.HouseholdPlace;
import org.linli.deliberation.PointsLedger.Kind;
import org.linli.deliberation.Topic.Status;
import org.linli.security.AsSystem;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do in a deliberation through the API: residents co-sign, comment, vote and rate; clerks screen,
 * amend options, record attendance and link logins to households; the responsible party reports. Every command
 * checks who may do it and in which phase before anything changes.
 */
@Service
public class Participation {

    static final String SCREEN_TASK = "Task_ScreenTopic";
    static final String AMEND_TASK = "Task_AmendOptions";
    static final String IMPLEMENT_TASK = "Task_ImplementOutcome";

    private final TopicStore topics;
    private final RoundStore rounds;
    private final ParticipantStore participants;
    private final PointsLedger points;
    private final HouseholdDirectory households;
    private final CommentStore comments;
    private final SqlDialect dialect;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AsSystem asSystem;
    private final DeliberationProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    Participation(TopicStore topics, RoundStore rounds, ParticipantStore participants, PointsLedger points,
            HouseholdDirectory households, CommentStore comments, SqlDialect dialect, RuntimeService runtimeService,
            TaskService taskService, AsSystem asSystem, DeliberationProperties properties, Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.topics = topics;
        this.rounds = rounds;
        this.participants = participants;
        this.points = points;
        this.households = households;
        this.comments = comments;
        this.dialect = dialect;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.asSystem = asSystem;
        this.properties = properties;
        this.clock = clock;
    }

    /** A household of the affected area co-signs; at the threshold the topic goes to screening. Answers the count. */
    @Transactional
    public int coSign(String topicNumber, CurrentUser user) {
        Topic topic = topics.lock(topicNumber);
        Instant now = clock.instant();
        if (topic.status() != Status.PROPOSED || !now.isBefore(topic.coSignDeadline())) {
            throw DeliberationProblems.wrongPhase(topicNumber, "co-signing is closed");
        }
        long household = householdOf(user);
        List<HouseholdPlace> affected = households.householdsIn(AffectedArea.parse(topic.affectedArea()).places());
        if (affected.stream().noneMatch(h -> h.id() == household)) {
            throw DeliberationProblems.notInArea(topicNumber);
        }
        topics.coSign(topicNumber, household, user.id(), now);
        int count = topics.coSignCount(topicNumber);
        if (count >= properties.coSignThreshold()) {
            topics.setStatus(topicNumber, Status.SCREENING, now);
            asSystem.call(() -> runtimeService.createMessageCorrelation(DeliberationVariables.MSG_CO_SIGNED)
                    .processInstanceBusinessKey(topicNumber).correlateWithResult());
        }
        return count;
    }

    /** A comment in the current round's discussion or vote, by a participant, a representative or staff. */
    @Transactional
    public long comment(String topicNumber, String text, CurrentUser user) {
        Topic topic = topics.load(topicNumber);
        Round round = openRound(topic);
        boolean staff = isCommunityStaff(topic, user);
        Long household = households.householdOfAccount(user.id()).orElse(null);
        boolean householdParticipant = household != null && participants.isHousehold(topicNumber, household);
        if (!staff && !householdParticipant && !participants.isRepresentative(topicNumber, idAndGroups(user))) {
            throw DeliberationProblems.notParticipant(topicNumber);
        }
        checkLength("comment", text, properties.maxTextLength());
        Instant now = clock.instant();
        long id = comments.add(topicNumber, round.roundNumber(), user.id(), text.strip(), now);
        if (!staff) {
            points.credit(user.id(), topicNumber, Kind.COMMENT, "comment:" + id, properties.pointsPerComment(), now);
        }
        return id;
    }

    /**
     * One household, one vote per round, changeable until the round closes. The round is share-locked so votes run
     * side by side while closing waits for them; the (round, household) key with an upsert keeps it one row.
     */
    @Transactional
    public void vote(String topicNumber, long optionId, CurrentUser user) {
        castVote(topicNumber, optionId, householdOf(user), user.id(), event -> event);
    }

    /**
     * Casts the vote of {@code household} as {@code voterId} (credited with the points when it is an account) and
     * records it in the audit log as shaped by {@code audited}; answers the round's number.
     */
    int castVote(String topicNumber, long optionId, long household, String voterId,
            UnaryOperator<AuditEvent> audited) {
        if (!participants.isHousehold(topicNumber, household)) {
            throw DeliberationProblems.notParticipant(topicNumber);
        }
        Round current = rounds.current(topicNumber).orElseThrow(() -> DeliberationProblems.votingClosed(topicNumber));
        Round round = rounds.lockForVote(current.id());
        Instant now = clock.instant();
        if (!round.acceptsVotesAt(now)) {
            throw DeliberationProblems.votingClosed(topicNumber);
        }
        if (rounds.options(round.id()).stream().noneMatch(o -> o.id() == optionId)) {
            throw DeliberationProblems.unknownOption(optionId);
        }
        rounds.upsertVote(round.id(), household, optionId, voterId, now);
        // which option stays out of the log: the ballot is secret to everyone but the tally
        audit.record(audited.apply(AuditEvent.of("vote.cast", DeliberationVariables.PROCESS_ID, topicNumber,
                topics.load(topicNumber).communityCode()).detail("round " + round.roundNumber())));
        points.credit(voterId, topicNumber, Kind.VOTE, "vote:" + round.id() + ":" + household,
                properties.pointsPerVote(), now);
        return round.roundNumber();
    }

    /** The clerk records who attended an on-site meeting of the current round (points, once per person and round). */
    @Transactional
    public void recordAttendance(String topicNumber, List<String> userIds, CurrentUser user) {
        Topic topic = topics.load(topicNumber);
        requireStaff(topic, user);
        Round round = openRound(topic);
        Instant now = clock.instant();
        for (String attendee : userIds) {
            points.credit(attendee, topicNumber, Kind.ATTENDANCE, "attendance:" + round.id() + ":" + attendee,
                    properties.pointsPerAttendance(), now);
        }
    }

    /** A participating household rates the effect of the implemented decision (1-5), changeable until it closes. */
    @Transactional
    public void rateSatisfaction(String topicNumber, int rating, CurrentUser user) {
        Topic topic = topics.load(topicNumber);
        long household = householdOf(user);
        if (!participants.isHousehold(topicNumber, household)) {
            throw DeliberationProblems.notParticipant(topicNumber);
        }
        if (topic.status() != Status.FOLLOW_UP || !clock.instant().isBefore(topic.satisfactionClosesAt())) {
            throw DeliberationProblems.wrongPhase(topicNumber, "the satisfaction vote is not open");
        }
        comments.rate(dialect, topicNumber, household, rating, user.id(), clock.instant());
    }

    /** The clerk's screening: completes the screening task with the checked decision. */
    @Transactional
    public void screen(ScreenTopicCommand command, CurrentUser user) {
        Topic topic = topics.load(command.topicNumber());
        requireStaff(topic, user);
        Map<String, Object> variables = new HashMap<>();
        variables.put(DeliberationVariables.SCREENING_OUTCOME, command.outcome().name());
        switch (command.outcome()) {
            case ACCEPT -> {
                variables.put(DeliberationVariables.TOPIC_TYPE, TopicTypes.require(command.topicType()));
                variables.put(DeliberationVariables.OPTIONS, RoundOptions.lines(RoundOptions.check(command.options())));
                variables.put(DeliberationVariables.REPRESENTATIVES,
                        String.join(",", command.representatives() == null ? List.of() : command.representatives()));
                if (command.responsibleGroup() == null || command.responsibleGroup().isBlank()) {
                    throw DeliberationProblems.invalid("An accepted topic needs the responsible group that implements it.");
                }
                variables.put(DeliberationVariables.RESPONSIBLE_GROUP, command.responsibleGroup().strip());
            }
            case MERGE -> {
                Topic target = topics.load(command.mergeInto());
                if (target.status().isFinal() || target.topicNumber().equals(topic.topicNumber())) {
                    throw DeliberationProblems.wrongPhase(target.topicNumber(), "is closed and cannot take merged topics");
                }
                variables.put(DeliberationVariables.MERGE_INTO, target.topicNumber());
            }
            case DECLINE -> {
                if (command.declineReason() == null || command.declineReason().isBlank()) {
                    throw DeliberationProblems.invalid("Declining needs a reason; it is published.");
                }
                checkLength("declineReason", command.declineReason(), 500);
                variables.put(DeliberationVariables.DECLINE_REASON, command.declineReason().strip());
            }
        }
        completeTask(topic, SCREEN_TASK, variables);
    }

    /** The clerk sets the options of the next round after a round without decision. */
    @Transactional
    public void amendOptions(String topicNumber, List<String> options, CurrentUser user) {
        Topic topic = topics.load(topicNumber);
        requireStaff(topic, user);
        completeTask(topic, AMEND_TASK,
                Map.of(DeliberationVariables.OPTIONS, RoundOptions.lines(RoundOptions.check(options))));
    }

    /** The responsible party (or community staff) reports the implementation. */
    @Transactional
    public void reportImplementation(String topicNumber, String report, CurrentUser user) {
        Topic topic = topics.load(topicNumber);
        if (!user.isIn(String.valueOf(topic.responsibleGroup())) && !isCommunityStaff(topic, user)) {
            throw DeliberationProblems.notStaff();
        }
        if (report == null || report.isBlank()) {
            throw DeliberationProblems.invalid("The implementation report must not be empty.");
        }
        checkLength("report", report, properties.maxTextLength());
        completeTask(topic, IMPLEMENT_TASK, Map.of(DeliberationVariables.IMPLEMENTATION_REPORT, report.strip()));
    }

    private void completeTask(Topic topic, String taskKey, Map<String, Object> variables) {
        Task task = asSystem.call(() -> taskService.createTaskQuery().processInstanceId(topic.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult());
        if (task == null) {
            throw DeliberationProblems.wrongPhase(topic.topicNumber(), "is not waiting for this step");
        }
        asSystem.run(() -> taskService.complete(task.getId(), variables));
    }

    private Round openRound(Topic topic) {
        if (topic.status() != Status.DELIBERATING) {
            throw DeliberationProblems.wrongPhase(topic.topicNumber(), "is not being deliberated");
        }
        Round round = rounds.current(topic.topicNumber())
                .orElseThrow(() -> DeliberationProblems.wrongPhase(topic.topicNumber(), "no round has started"));
        if (round.status() == Round.Status.CLOSED) {
            throw DeliberationProblems.wrongPhase(topic.topicNumber(), "round " + round.roundNumber() + " is closed");
        }
        return round;
    }

    private long householdOf(CurrentUser user) {
        return households.householdOfAccount(user.id()).orElseThrow(DeliberationProblems::noHousehold);
    }

    private void requireStaff(Topic topic, CurrentUser user) {
        if (!isCommunityStaff(topic, user)) {
            throw DeliberationProblems.notStaff();
        }
    }

    static boolean isCommunityStaff(Topic topic, CurrentUser user) {
        return user.isStaff() && (user.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, topic.communityCode()))
                || user.isIn(LinliGroups.ADMINS));
    }

    private static List<String> idAndGroups(CurrentUser user) {
        List<String> all = new java.util.ArrayList<>(user.groups());
        all.add(user.id());
        return all;
    }

    private static void checkLength(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw DeliberationProblems.invalid("The " + field + " must not be empty.");
        }
        if (text.length() > max) {
            throw DeliberationProblems.tooLong(field, max);
        }
    }

    /** The screening decision of a clerk. */
    public record ScreenTopicCommand(String topicNumber, Outcome outcome, String topicType, List<String> options,
            List<String> representatives, String responsibleGroup, String mergeInto, String declineReason) {

        public enum Outcome {
            ACCEPT, MERGE, DECLINE
        }
    }
}
