package org.linli.grievance;

import java.time.Instant;
import java.util.List;

import org.linli.grievance.GrievanceCatalogue.Category;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cases and their timelines, as the caller may see them: reporters their own, staff all. */
@Service
public class GrievanceQueries {

    private final GrievanceCaseRepository cases;
    private final CaseEventRepository events;

    GrievanceQueries(GrievanceCaseRepository cases, CaseEventRepository events) {
        this.cases = cases;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CaseView grievance(String caseNumber, CurrentUser user) {
        return view(visible(caseNumber, user));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(String caseNumber, CurrentUser user) {
        GrievanceCase grievance = visible(caseNumber, user);
        boolean staff = user.isStaff();
        return events.findByCaseNumberOrderById(grievance.caseNumber()).stream()
                .filter(e -> staff || e.visibleToReporter())
                .map(e -> new TimelineEntry(e.occurredAt(), e.type(), e.text(), staff ? e.actor() : null))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CaseView> mine(CurrentUser user) {
        return cases.findByReporter(user.id(), 100).stream().map(GrievanceQueries::view).toList();
    }

    /**
     * The cases of one community, newest first: for its clerks and grid workers, supervisors and administrators.
     */
    @Transactional(readOnly = true)
    public List<CaseView> ofCommunity(String communityCode, boolean openOnly, int page, int size, CurrentUser user) {
        boolean member = user.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode));
        if (!member && !user.isIn(LinliGroups.SUPERVISORS) && !user.isIn(LinliGroups.ADMINS)) {
            throw GrievanceProblems.notInCommunity(communityCode);
        }
        return cases.findByCommunity(communityCode, openOnly, size, (long) page * size).stream()
                .map(GrievanceQueries::view).toList();
    }

    private GrievanceCase visible(String caseNumber, CurrentUser user) {
        GrievanceCase grievance = cases.load(caseNumber);
        if (!user.isStaff() && !user.id().equals(grievance.reporterUserId())) {
            // not "forbidden": a resident must not learn which case numbers exist
            throw GrievanceProblems.caseNotFound(caseNumber);
        }
        return grievance;
    }

    static CaseView view(GrievanceCase c) {
        String categoryLabel = Category.ofCode(c.category()).map(Category::label).orElse(c.category());
        return new CaseView(c.caseNumber(), c.status().name(), c.status().label(), c.channel(), c.category(),
                categoryLabel, c.subCategory(), c.urgency(), c.description(), c.communityCode(), c.addressText(),
                c.handlerGroup(), c.dueAt(), c.overdue(), c.escalationLevel(), c.bounceCount(), c.reopenCount(),
                c.mergedInto(), c.measures(), c.rating(), c.solved(), c.closure(), c.createdAt(), c.updatedAt(),
                c.closedAt());
    }

    public record CaseView(String caseNumber, String status, String statusLabel, String channel, String category,
            String categoryLabel, String subCategory, String urgency, String description, String communityCode,
            String address, String handlerGroup, Instant dueAt, boolean overdue, int escalationLevel, int bounceCount,
            int reopenCount, String mergedInto, String measures, Integer rating, Boolean solved, String closure,
            Instant createdAt, Instant updatedAt, Instant closedAt) {
    }

    public record TimelineEntry(Instant at, String type, String text, String actor) {
    }
}
