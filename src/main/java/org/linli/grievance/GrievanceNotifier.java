package org.linli.grievance;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.basedata.PlaceRegistry;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Component;

/**
 * Tells people what happened to a case (自动反馈): the reporter, and the reporters of every case merged into
 * it; handler and supervisor groups for reminders and escalations.
 */
@Component
class GrievanceNotifier {

    private final Notifications notifications;
    private final GrievanceCaseRepository cases;
    private final IdentityService identityService;
    private final PlaceRegistry places;

    GrievanceNotifier(Notifications notifications, GrievanceCaseRepository cases, IdentityService identityService,
            PlaceRegistry places) {
        this.notifications = notifications;
        this.cases = cases;
        this.identityService = identityService;
        this.places = places;
    }

    void reporters(GrievanceCase grievance, String title, String body) {
        for (Recipient recipient : reportersOf(grievance)) {
            notifications.notify(recipient, title, body, grievance.caseNumber());
        }
    }

    void group(String groupId, GrievanceCase grievance, String title, String body) {
        notifications.notify(Recipient.group(groupId), title, body, grievance.caseNumber());
    }

    /** Copies the street the case's community belongs to (its organisation group). */
    void street(GrievanceCase grievance, String title, String body) {
        String street = LinliGroups.orgGroup(OrgLevel.STREET, places.streetOf(grievance.communityCode()));
        notifications.notify(Recipient.group(street), title, body, grievance.caseNumber());
    }

    /** The display name of a Camunda group (e.g. 环境卫生所), or its id when it has none. */
    String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group != null && group.getName() != null ? group.getName() : groupId;
    }

    private List<Recipient> reportersOf(GrievanceCase grievance) {
        List<Recipient> recipients = new ArrayList<>();
        addReporter(recipients, grievance);
        for (GrievanceCase merged : cases.findMergedInto(grievance.caseNumber())) {
            addReporter(recipients, merged);
        }
        return recipients;
    }

    private static void addReporter(List<Recipient> recipients, GrievanceCase grievance) {
        if (grievance.reporterUserId() != null) {
            recipients.add(Recipient.user(grievance.reporterUserId()));
        } else if (grievance.reporterPhone() != null) {
            recipients.add(Recipient.phone(grievance.reporterPhone()));
        }
    }
}
