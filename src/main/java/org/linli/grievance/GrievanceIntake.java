package org.linli.grievance;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.AssistedChannel;
import org.linli.basedata.AssistedChannel.Assisted;
import org.linli.basedata.PlaceRegistry;
import org.linli.basedata.PlaceRegistry.AddressView;
import org.linli.grievance.GrievanceCatalogue.Category;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.security.CaseAccess;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.linli.security.UserNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One entry for every channel: portal, API, Open311 and the hotline clerk's start form in Tasklist all start
 * {@code grievance-handling}; its first step registers the case here, in the same transaction, so a
 * grievance exists exactly when its process does, and bad input creates neither.
 */
@Service
public class GrievanceIntake {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PlaceRegistry places;
    private final GrievanceCaseRepository cases;
    private final CaseEventRepository events;
    private final CaseNumbers caseNumbers;
    private final GrievanceNotifier notifier;
    private final CaseAccess caseAccess;
    private final GrievanceProperties properties;
    private final Clock clock;
    private final AssistedChannel assistedChannel;
    private final AuditLog audit;
    private final UserNames userNames;

    GrievanceIntake(RuntimeService runtimeService, IdentityService identityService, PlaceRegistry places,
            GrievanceCaseRepository cases, CaseEventRepository events, CaseNumbers caseNumbers,
            GrievanceNotifier notifier, CaseAccess caseAccess, GrievanceProperties properties, Clock clock,
            AssistedChannel assistedChannel, AuditLog audit, UserNames userNames) {
        this.assistedChannel = assistedChannel;
        this.userNames = userNames;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.places = places;
        this.cases = cases;
        this.events = events;
        this.caseNumbers = caseNumbers;
        this.notifier = notifier;
        this.caseAccess = caseAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /** Files a grievance from the portal, the API or Open311; answers its case number. */
    @Transactional
    public String file(FileGrievanceCommand command) {
        return (String) runtimeService.createProcessInstanceByKey(GrievanceHandlingVariables.PROCESS_ID)
                .setVariables(GrievanceVariables.of(command))
                .executeWithVariablesInReturn()
                .getVariables().get(GrievanceHandlingVariables.CASE_NUMBER);
    }

    /**
     * A clerk files for a resident who asked them to (代办, at the counter or on the hotline): checked first, then
     * filed like any grievance; the audit log names the resident it was filed for and the consent.
     */
    @Transactional
    public String fileForResident(FileGrievanceCommand command, CurrentUser clerk, Boolean consent) {
        Assisted resident = assistedChannel.check(clerk, command.reporterUserId(), consent);
        String caseNumber = file(command);
        audit.record(AuditEvent.of("grievance.filed", GrievanceHandlingVariables.PROCESS_ID, caseNumber,
                resident.communityCode()).onBehalfOf(resident.userId(), command.channel().name().toLowerCase())
                .because("resident consented"));
        return caseNumber;
    }

    /** Registers the case of a starting process instance: checks the input, numbers and stores it. */
    @Transactional
    public RegisteredCase register(FileGrievanceCommand command, String processInstanceId) {
        Category category = Category.ofCode(command.category())
                .orElseThrow(() -> GrievanceProblems.unknownCategory(command.category()));
        String communityCode = command.communityCode() != null ? command.communityCode()
                : communityOf(command.filedBy());
        if (!places.hasCommunity(communityCode)) {
            throw GrievanceProblems.unknownPlace("Unknown community: " + communityCode);
        }
        String addressText = addressText(command, communityCode);
        String description = required(command.description(), "description");
        if (description.length() > properties.maxTextLength()) {
            throw GrievanceProblems.tooLong("description", properties.maxTextLength());
        }
        // a grid worker who finds a problem on patrol reports it and follows it as its reporter
        String reporterUserId = command.reporterUserId() == null && command.channel() == Channel.PATROL
                ? command.filedBy() : command.reporterUserId();
        if (reporterUserId == null && command.reporterPhone() == null) {
            throw GrievanceProblems.missingReporter();
        }
        Instant now = clock.instant();
        GrievanceCase grievance = new GrievanceCase(caseNumbers.next(), command.channel().name(),
                reporterUserId, command.reporterName(), command.reporterPhone(), command.filedBy(),
                category.code(), command.subCategory(), command.urgency().name(), description, communityCode,
                command.addressId(), addressText, now);
        grievance.attachProcess(processInstanceId, now);
        cases.save(grievance);
        String communityGroup = LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode);
        caseAccess.grantRead(processInstanceId, communityGroup);
        events.append(CaseEvent.visible(grievance.caseNumber(), now, "RECEIVED", command.filedBy(),
                "已通过" + command.channel().label() + "收到您反映的" + category.label() + "问题，正在核实"
                        + assistedBy(command.filedBy(), reporterUserId)));
        notifier.reporters(grievance, "已收到您的诉求", "诉求编号 " + grievance.caseNumber() + "，我们将尽快核实办理。");
        return new RegisteredCase(grievance.caseNumber(), reporterUserId, addressText, communityGroup,
                LinliGroups.SUPERVISORS);
    }

    /** "（由王芳代为提交）" when someone filed for the reporter (代办), else nothing. */
    private String assistedBy(String filedBy, String reporterUserId) {
        if (filedBy == null || reporterUserId == null || filedBy.equals(reporterUserId)) {
            return "";
        }
        return "（由" + userNames.displayName(filedBy) + "代为提交）";
    }

    private String addressText(FileGrievanceCommand command, String communityCode) {
        if (command.addressId() == null) {
            return required(command.addressText(), "addressText");
        }
        AddressView address = places.address(command.addressId());
        if (!address.communityCode().equals(communityCode)) {
            throw GrievanceProblems.unknownPlace("Address " + command.addressId() + " is not in community "
                    + communityCode);
        }
        return address.standardAddress();
    }

    /** The community of a clerk filing from Tasklist: the first community group they belong to. */
    private String communityOf(String userId) {
        if (userId == null) {
            throw GrievanceProblems.unknownPlace("No community given");
        }
        return identityService.createGroupQuery().groupMember(userId).groupType(OrgLevel.COMMUNITY.groupType())
                .list().stream().map(Group::getId).map(id -> id.substring(OrgLevel.COMMUNITY.prefix().length()))
                .findFirst()
                .orElseThrow(() -> GrievanceProblems.unknownPlace("User " + userId + " belongs to no community"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw GrievanceProblems.missing(field);
        }
        return value.strip();
    }

    /** What the registering step hands back to the process. */
    public record RegisteredCase(String caseNumber, String reporterUserId, String address, String communityGroup,
            String supervisorGroup) {
    }
}
