package org.linli.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.NotificationView;
import org.linli.basedata.Notifications.Recipient;
import org.linli.basedata.ResidentCircumstances;
import org.linli.basedata.ResidentRegistry;
import org.linli.basedata.ResidentView;
import org.linli.deliberation.DeliberationQueries;
import org.linli.deliberation.DeliberationQueries.CastVote;
import org.linli.eligibility.MatchView;
import org.linli.eligibility.PolicyOutreach;
import org.linli.grievance.GrievancePhotos;
import org.linli.grievance.GrievancePhotos.PhotoView;
import org.linli.grievance.GrievanceQueries;
import org.linli.grievance.GrievanceQueries.CaseView;
import org.linli.grievance.GrievanceQueries.TimelineEntry;
import org.linli.security.CurrentUser;
import org.linli.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's own data in one document (PIPL right of access): profile, grievances with their timelines, the photos
 * they uploaded (described; each downloads from its case), benefit offers, deliberation votes and notifications,
 * each read through the owning feature's public queries. Only the resident may export it; the export itself is
 * audited.
 */
@Service
class PersonalDataExport {

    static final int NOTIFICATIONS = 10_000;

    private final ResidentCircumstances circumstances;
    private final ResidentRegistry residents;
    private final GrievanceQueries grievances;
    private final GrievancePhotos photos;
    private final PolicyOutreach outreach;
    private final DeliberationQueries deliberations;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    PersonalDataExport(ResidentCircumstances circumstances, ResidentRegistry residents, GrievanceQueries grievances,
            GrievancePhotos photos, PolicyOutreach outreach, DeliberationQueries deliberations,
            Notifications notifications, AuditLog audit, Clock clock) {
        this.circumstances = circumstances;
        this.residents = residents;
        this.grievances = grievances;
        this.photos = photos;
        this.outreach = outreach;
        this.deliberations = deliberations;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's own export; {@code residentId} null means "whoever I am". */
    @Transactional
    public Export export(Long residentId, CurrentUser caller) {
        long own = circumstances.residentOfAccount(caller.id()).orElseThrow(() -> residentId == null
                ? new ProblemException.NotFound("PRV-002", "未关联居民档案",
                        "Your account is not linked to a resident record.")
                : notYours());
        if (residentId != null && residentId != own) {
            throw notYours();
        }
        ResidentView profile = residents.resident(own);
        List<CaseWithTimeline> cases = grievances.mine(caller).stream()
                .map(c -> new CaseWithTimeline(c, grievances.timeline(c.caseNumber(), caller))).toList();
        Export export = new Export(clock.instant(), profile, cases, photos.uploadedBy(caller),
                outreach.offersOf(caller), deliberations.votesOf(caller.id()),
                notifications.of(Recipient.user(caller.id()), NOTIFICATIONS));
        audit.record(AuditEvent.of("data.exported", "resident", own, profile.communityCode()));
        return export;
    }

    private static ProblemException notYours() {
        return new ProblemException.Forbidden("PRV-001", "只能导出本人数据",
                "Residents export their own data only.");
    }

    record Export(Instant exportedAt, ResidentView profile, List<CaseWithTimeline> cases, List<PhotoView> photos,
            List<MatchView> offers, List<CastVote> votes, List<NotificationView> notifications) {
    }

    record CaseWithTimeline(CaseView grievance, List<TimelineEntry> timeline) {
    }
}
