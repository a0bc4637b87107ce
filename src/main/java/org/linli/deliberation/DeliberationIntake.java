package org.linli.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.basedata.HouseholdDirectory;
import org.linli.basedata.HouseholdDirectory.HouseholdPlace;
import org.linli.basedata.PlaceRegistry;
import org.linli.deliberation.Topic.Status;
import org.linli.security.CaseAccess;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 议什么: residents and the community raise topics. Proposing starts {@code deliberation}; its first step registers
 * the topic here in the same transaction, so a topic exists exactly when its process does.
 */
@Service
public class DeliberationIntake {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 4000;

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PlaceRegistry places;
    private final HouseholdDirectory households;
    private final TopicStore topics;
    private final ParticipantStore participants;
    private final TopicNumbers numbers;
    private final Notices notices;
    private final CaseAccess caseAccess;
    private final DeliberationProperties properties;
    private final Clock clock;

    DeliberationIntake(RuntimeService runtimeService, IdentityService identityService, PlaceRegistry places,
            HouseholdDirectory households, TopicStore topics, ParticipantStore participants, TopicNumbers numbers,
            Notices notices, CaseAccess caseAccess, DeliberationProperties properties, Clock clock) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.places = places;
        this.households = households;
        this.topics = topics;
        this.participants = participants;
        this.numbers = numbers;
        this.notices = notices;
        this.caseAccess = caseAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /** Proposes a topic through the API; answers its number. */
    @Transactional
    public String propose(ProposeTopicCommand command) {
        Map<String, Object> variables = Map.of(
                DeliberationVariables.TITLE, nullToEmpty(command.title()),
                DeliberationVariables.DESCRIPTION, nullToEmpty(command.description()),
                DeliberationVariables.TOPIC_TYPE, nullToEmpty(command.topicType()),
                DeliberationVariables.COMMUNITY_CODE, nullToEmpty(command.communityCode()),
                DeliberationVariables.AFFECTED_AREA, nullToEmpty(command.affectedArea()));
        return (String) runtimeService.createProcessInstanceByKey(DeliberationVariables.PROCESS_ID)
                .setVariables(variables).executeWithVariablesInReturn().getVariables()
                .get(DeliberationVariables.TOPIC_NUMBER);
    }

    /** Registers the topic of a starting process: checks the input, numbers and stores it, signs for the proposer. */
    @Transactional
    public RegisteredTopic register(ProposeTopicCommand command, String processInstanceId) {
        String title = required(command.title(), "title", MAX_TITLE);
        String description = required(command.description(), "description", MAX_TEXT);
        String topicType = TopicTypes.require(command.topicType());
        String community = command.communityCode();
        if (community == null || !places.hasCommunity(community)) {
            throw DeliberationProblems.unknownPlace("Unknown community: " + community);
        }
        AffectedArea area = AffectedArea.parse(command.affectedArea());
        List<HouseholdPlace> affected = households.householdsIn(area.places());
        if (affected.isEmpty() || affected.stream().anyMatch(h -> !h.communityCode().equals(community))) {
            throw DeliberationProblems.unknownPlace("The affected area must hold households of community " + community);
        }
        String proposer = command.proposedBy();
        boolean byCommunity = proposer != null && isStaff(proposer);
        Long proposerHousehold = null;
        if (!byCommunity) {
            proposerHousehold = proposer == null ? null : households.householdOfAccount(proposer).orElse(null);
            if (proposerHousehold == null) {
                throw DeliberationProblems.noHousehold();
            }
            long household = proposerHousehold;
            if (affected.stream().noneMatch(h -> h.id() == household)) {
                throw DeliberationProblems.invalid("Residents raise topics of their own area: your household is not "
                        + "in the affected area.");
            }
        }
        Instant now = clock.instant();
        String topicNumber = numbers.next();
        Instant deadline = byCommunity ? null : now.plus(properties.coSignWindow());
        boolean needsCoSigning = !byCommunity && properties.coSignThreshold() > 1;
        topics.insert(new Topic(topicNumber, processInstanceId, title, description, topicType, community, area.text(),
                proposer == null ? "system" : proposer, byCommunity, needsCoSigning ? Status.PROPOSED : Status.SCREENING,
                deadline, null, null, null, null, null, null, null, null, false, null, null, now));
        if (proposerHousehold != null) {
            topics.coSign(topicNumber, proposerHousehold, proposer, now);
        }
        String communityGroup = LinliGroups.orgGroup(OrgLevel.COMMUNITY, community);
        caseAccess.grantRead(processInstanceId, communityGroup);
        if (needsCoSigning) {
            notices.board(community, "议题征集联署：" + title, "议题 " + topicNumber + " 征集联署，需受影响范围内 "
                    + properties.coSignThreshold() + " 户联署。", topicNumber);
        } else {
            notices.group(communityGroup, "新议题待审核", "议题 " + topicNumber + "：" + title, topicNumber);
        }
        return new RegisteredTopic(topicNumber, communityGroup, needsCoSigning,
                deadline == null ? null : Date.from(deadline), topics.coSignCount(topicNumber));
    }

    private boolean isStaff(String userId) {
        return identityService.createGroupQuery().groupMember(userId)
                .groupIdIn(LinliGroups.CLERKS, LinliGroups.GRID_WORKERS, LinliGroups.ADMINS).count() > 0;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DeliberationProblems.invalid("The " + field + " must not be empty.");
        }
        if (value.length() > max) {
            throw DeliberationProblems.tooLong(field, max);
        }
        return value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** What the registering step hands back to the process. */
    public record RegisteredTopic(String topicNumber, String communityGroup, boolean needsCoSigning,
            Date coSignDeadline, int coSignCount) {
    }
}
