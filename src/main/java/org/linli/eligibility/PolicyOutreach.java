package org.linli.eligibility;

import static org.linli.eligibility.PolicyOutreachVariables.*;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.AssistedChannel;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.basedata.ResidentCircumstances;
import org.linli.security.AsSystem;
import org.linli.security.CaseAccess;
import org.linli.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Reaching out about matches: starts {@code policy-outreach} per new eligible match and a review when a granted
 * benefit no longer matches, records outcomes for the process, and takes the resident's answer.
 */
@Service
public class PolicyOutreach {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyOutreach.class);
    private static final Set<String> OUTCOMES = Set.of(StoredMatch.GRANTED, StoredMatch.DECLINED,
            StoredMatch.REJECTED, StoredMatch.NO_ANSWER, StoredMatch.NOT_VERIFIED, StoredMatch.STOPPED);

    private final MatchStore matches;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AsSystem asSystem;
    private final CaseAccess caseAccess;
    private final ResidentCircumstances circumstances;
    private final Notifications notifications;
    private final Clock clock;
    private final AssistedChannel assistedChannel;
    private final AuditLog audit;

    PolicyOutreach(MatchStore matches, RuntimeService runtimeService, TaskService taskService,
            AsSystem asSystem, CaseAccess caseAccess, ResidentCircumstances circumstances,
            Notifications notifications, Clock clock, AssistedChannel assistedChannel, AuditLog audit) {
        this.assistedChannel = assistedChannel;
        this.audit = audit;
        this.matches = matches;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.asSystem = asSystem;
        this.caseAccess = caseAccess;
        this.circumstances = circumstances;
        this.notifications = notifications;
        this.clock = clock;
    }

    public static String businessKey(long matchId) {
        return "ELG-" + matchId;
    }

    /**
     * Starts the outreach of one match, as the system (whoever triggered the sweep), in the caller's transaction;
     * false, and nothing started, when another start took the match first.
     */
    boolean start(MatchView match) {
        if (!matches.claimForOutreach(match.id())) {
            return false;
        }
        ProcessInstance instance = asSystem.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID,
                businessKey(match.id()), variables(match)));
        matches.markOutreach(match.id(), instance.getId());
        grant(instance.getId(), match);
        return true;
    }

    /** Opens a review of a granted benefit that no longer matches. */
    void startReview(long matchId) {
        MatchView match = matches.match(matchId).orElseThrow();
        ProcessInstance instance = asSystem.call(() -> runtimeService.createMessageCorrelation(REVIEW_MESSAGE)
                .processInstanceBusinessKey(businessKey(matchId)).setVariables(variables(match))
                .correlateStartMessage());
        matches.markReview(matchId, instance.getId());
        grant(instance.getId(), match);
    }

    private void grant(String processInstanceId, MatchView match) {
        caseAccess.grantRead(processInstanceId, communityGroup(match));
        if (match.department() != null) {
            caseAccess.grantRead(processInstanceId, match.department());
        }
    }

    private VariableMap variables(MatchView match) {
        return Variables.createVariables()
                .putValue(MATCH_ID, match.id())
                .putValue(RESIDENT_ID, match.residentId())
                .putValue(RESIDENT_USER_ID, circumstances.accountOf(match.residentId()).orElse(null))
                .putValue(COMMUNITY_GROUP, communityGroup(match))
                .putValue(DEPARTMENT_GROUP, match.department())
                .putValue(POLICY, match.policy())
                .putValue(POLICY_NAME, match.policyName())
                .putValue(AMOUNT, match.amount() == null ? 0.0 : match.amount().doubleValue())
                .putValue(PERIOD, "once".equals(match.period()) ? "一次性" : "每月")
                .putValue(RULE_ID, match.ruleId())
                .putValue(REASON, match.reason());
    }

    private static String communityGroup(MatchView match) {
        return "community-" + match.communityCode();
    }

    /** Called by the process (记录结果): the match ends in {@code outcome}. */
    @Transactional
    public void recordOutcome(long matchId, String outcome) {
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("Unknown outreach outcome: " + outcome);
        }
        matches.recordOutcome(matchId, outcome, clock.instant());
        LOG.info("Policy match {} ended: {}", matchId, outcome);
    }

    /** Called by the process when an offer waits unanswered. */
    @Transactional
    public void remindResident(long matchId) {
        matches.match(matchId).ifPresent(match -> circumstances.accountOf(match.residentId()).ifPresentOrElse(
                user -> notifications.notify(Recipient.user(user), "惠民政策待确认",
                        "您可能符合“" + match.policyName() + "”，请在“我的惠民政策”中确认。", businessKey(matchId)),
                () -> notifications.notify(Recipient.group(communityGroup(match)), "惠民政策待确认",
                        "居民尚未答复“" + match.policyName() + "”，请电话或上门联系。", businessKey(matchId))));
    }

    /** The policies matched to the calling resident (or, for staff, to any resident). */
    @Transactional(readOnly = true)
    public List<MatchView> offersOf(CurrentUser user) {
        return circumstances.residentOfAccount(user.id()).map(matches::ofResident).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<MatchView> matchesOfResident(long residentId, CurrentUser user) {
        if (!user.isStaff()) {
            throw EligibilityProblems.staffOnly();
        }
        return matches.ofResident(residentId);
    }

    @Transactional(readOnly = true)
    public List<MatchView> matchesOfCommunity(String communityCode, String state, int limit, CurrentUser user) {
        if (!user.isStaff()) {
            throw EligibilityProblems.staffOnly();
        }
        return matches.ofCommunity(communityCode, state, limit);
    }

    /** The resident (or a clerk of the community, for an offline answer) answers an offer. */
    @Transactional
    public MatchView answer(AnswerOfferCommand command, CurrentUser user) {
        MatchView match = matches.match(command.matchId()).orElseThrow(() -> EligibilityProblems.offerNotFound(command.matchId()));
        boolean own = circumstances.residentOfAccount(user.id()).map(id -> id == match.residentId()).orElse(false);
        boolean clerk = user.isIn("community-" + match.communityCode());
        if (!own && !clerk) {
            throw EligibilityProblems.offerNotFound(command.matchId());
        }
        AuditEvent answered = AuditEvent.of("offer.answered", "offer", command.matchId(), match.communityCode())
                .detail(command.answer());
        if (!own) {
            // a clerk answers for the resident (代办: by phone or at the counter), who consented
            String resident = assistedChannel.check(user, match.residentId(), command.consent()).auditName();
            answered = answered.onBehalfOf(resident, "assisted").because("resident consented");
        }
        // access is checked above (own offer, or a clerk of the community); the engine query and completion run as
        // the system because the task may predate the resident's account link (then it is not assigned to them)
        Task task = match.processInstanceId() == null ? null : asSystem.call(() -> taskService.createTaskQuery()
                .processInstanceId(match.processInstanceId()).taskDefinitionKey(ANSWER_TASK).singleResult());
        if (task == null) {
            throw EligibilityProblems.notWaitingForAnswer(command.matchId());
        }
        asSystem.run(() -> taskService.complete(task.getId(), Map.of(ANSWER, command.answer())));
        audit.record(answered);
        return matches.match(command.matchId()).orElseThrow();
    }

    /** @param answer {@code confirm}, {@code decline} or {@code help} */
    public record AnswerOfferCommand(long matchId,
            @jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.Pattern(regexp = "confirm|decline|help",
                    message = "must be confirm, decline or help") String answer,
            Boolean consent) {
    }
}
