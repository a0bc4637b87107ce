package org.linli.grievance;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.linli.grievance.GrievanceCatalogue.Status;
import org.linli.security.CaseAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code processes/grievance-handling.bpmn} that change a case. Each method is called by one
 * thin delegate, writes the case row and its timeline line, and tells the people concerned.
 */
@Service
public class GrievanceService {

    static final String SYSTEM = "system";
    static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final GrievanceCaseRepository cases;
    private final CaseEventRepository events;
    private final GrievanceNotifier notifier;
    private final CaseAccess caseAccess;
    private final PhotoStore photos;
    private final GrievanceProperties properties;
    private final Clock clock;

    GrievanceService(GrievanceCaseRepository cases, CaseEventRepository events, GrievanceNotifier notifier,
            CaseAccess caseAccess, PhotoStore photos, GrievanceProperties properties, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.notifier = notifier;
        this.caseAccess = caseAccess;
        this.photos = photos;
        this.properties = properties;
        this.clock = clock;
    }

    /** Open cases at the same address and category within the duplicate window, newest first. */
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> findDuplicateCandidates(String caseNumber) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant since = clock.instant().minus(properties.duplicateWindow());
        return cases.findDuplicates(grievance.communityCode(), grievance.category(), since, caseNumber,
                        grievance.addressId(), grievance.addressText()).stream()
                .map(c -> new DuplicateCandidate(c.caseNumber(), c.caseNumber() + " · " + c.addressText() + " · "
                        + abbreviate(c.description(), 30)))
                .toList();
    }

    /** Closes a rejected report and tells the reporter why. */
    @Transactional
    public void reject(String caseNumber, String reason) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        grievance.end(Status.REJECTED, Closure.REJECTED, now);
        cases.save(grievance);
        events.append(CaseEvent.visible(caseNumber, now, "REJECTED", SYSTEM, "不予受理：" + reason));
        notifier.reporters(grievance, "您的诉求未予受理", "诉求 " + caseNumber + " 未予受理，原因：" + reason);
    }

    /** Merges the case into an open one; its reporter follows the target case from now on. */
    @Transactional
    public void merge(String caseNumber, String targetCaseNumber) {
        GrievanceCase target = cases.load(targetCaseNumber);
        target.ensureOpen();
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        grievance.mergeInto(targetCaseNumber, now);
        cases.save(grievance);
        events.append(CaseEvent.visible(caseNumber, now, "MERGED", SYSTEM,
                "与同一问题的诉求 " + targetCaseNumber + " 合并办理，后续进展将同步告知您"));
        events.append(CaseEvent.internal(targetCaseNumber, now, "MERGED", SYSTEM, "合并了诉求 " + caseNumber));
        notifier.reporters(grievance, "您的诉求已合并办理",
                "诉求 " + caseNumber + " 与 " + targetCaseNumber + " 反映的是同一问题，已合并办理，进展将同步告知您。");
    }

    /**
     * Dispatches the case to a handler group and computes its due and reminder dates from the SLA; with
     * {@code copyStreet} the street the community belongs to gets a copy (抄送街道).
     */
    @Transactional
    public Dispatch dispatch(String caseNumber, String handlerGroup, String slaDuration, boolean slaWorkingDays,
            boolean copyStreet) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        Deadline deadline = SlaCalendar.deadline(now, slaDuration, slaWorkingDays, properties.zone());
        grievance.dispatch(handlerGroup, deadline.dueAt().toInstant(), deadline.remindAt().toInstant(), now);
        cases.save(grievance);
        caseAccess.grantRead(grievance.processInstanceId(), handlerGroup);
        String handler = notifier.groupName(handlerGroup);
        String due = DUE_FORMAT.format(deadline.dueAt().toInstant().atZone(properties.zone()));
        events.append(CaseEvent.visible(caseNumber, now, "DISPATCHED", SYSTEM, "已派遣至" + handler + "办理，办理时限至 " + due));
        notifier.reporters(grievance, "您的诉求正在办理", "诉求 " + caseNumber + " 已派遣至" + handler + "办理。");
        if (copyStreet) {
            notifier.street(grievance, "诉求抄送", "诉求 " + caseNumber + "（" + grievance.addressText() + "）已派遣至"
                    + handler + "紧急办理，抄送街道知悉。");
        }
        return new Dispatch(deadline.dueAt(), deadline.remindAt(), due, handler);
    }

    /** Reminds the handler group that 75 % of the SLA has passed. */
    @Transactional
    public void remind(String caseNumber) {
        GrievanceCase grievance = cases.load(caseNumber);
        grievance.ensureOpen();
        events.append(CaseEvent.internal(caseNumber, clock.instant(), "REMINDED", SYSTEM, "办理时限已过四分之三，已提醒承办单位"));
        notifier.group(grievance.handlerGroup(), grievance, "诉求即将超期",
                "诉求 " + caseNumber + " 即将到期，请尽快办理。");
    }

    /** Flags the case overdue and raises its escalation level. */
    @Transactional
    public void flagOverdue(String caseNumber) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        grievance.flagOverdue(now);
        cases.save(grievance);
        events.append(CaseEvent.visible(caseNumber, now, "OVERDUE", SYSTEM, "办理已超期，已提交街道督办"));
        notifier.group(grievance.handlerGroup(), grievance, "诉求已超期", "诉求 " + caseNumber + " 已超期，已提交督办。");
    }

    /** Records a "not ours" return by a handler group; answers how often the case has bounced. */
    @Transactional
    public int recordBounce(String caseNumber, String handlerGroup, String reason) {
        GrievanceCase grievance = cases.load(caseNumber);
        int bounces = grievance.bounce(clock.instant());
        cases.save(grievance);
        events.append(CaseEvent.internal(caseNumber, clock.instant(), "BOUNCED", handlerGroup,
                notifier.groupName(handlerGroup) + "退回（非本单位职责）：" + reason));
        return bounces;
    }

    /**
     * Records the measures taken and the photos of the site, and asks the reporter to rate. A photo reference is
     * the id of a photo uploaded to this case ({@link GrievancePhotos}); any other reference is not kept, and an
     * internal timeline line names it so that the handler can upload the photo.
     */
    @Transactional
    public void recordHandling(String caseNumber, String measures, List<String> photoRefs) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        List<String> stored = photos.idsOfCase(caseNumber, photoRefs);
        List<String> kept = photoRefs.stream().filter(stored::contains).distinct().toList();
        grievance.handled(measures, String.join(",", kept), now);
        cases.save(grievance);
        events.append(CaseEvent.visible(caseNumber, now, "HANDLED", grievance.handlerGroup(), "已办结：" + measures));
        List<String> unknown = photoRefs.stream().filter(ref -> !stored.contains(ref)).distinct().toList();
        if (!unknown.isEmpty()) {
            events.append(CaseEvent.internal(caseNumber, now, "PHOTO", grievance.handlerGroup(),
                    abbreviate("未登记的照片编号（未上传到本诉求）：" + String.join("，", unknown), 1000)));
        }
        notifier.reporters(grievance, "您的诉求已办结，请评价",
                "诉求 " + caseNumber + " 已办结：" + abbreviate(measures, 100) + " 请对办理结果进行评价。");
    }

    /** Records the resident's rating (from the portal, the API or a clerk's phone call-back). */
    @Transactional
    public void recordRating(String caseNumber, int rating, boolean solved, String comment) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        grievance.rated(rating, solved, comment, now);
        cases.save(grievance);
        events.append(CaseEvent.visible(caseNumber, now, "RATED", grievance.reporterUserId(),
                "评价：" + rating + " 星，" + (solved ? "问题已解决" : "问题未解决")
                        + (comment == null || comment.isBlank() ? "" : "。" + comment)));
    }

    /** Reopens an unsatisfying case for the same handler with supervisor attention; answers the reopen count. */
    @Transactional
    public int reopen(String caseNumber) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        int reopened = grievance.reopen(now);
        cases.save(grievance);
        events.append(CaseEvent.visible(caseNumber, now, "REOPENED", SYSTEM, "居民不满意，已重新交办并由街道跟踪督办"));
        notifier.reporters(grievance, "您的诉求已重新办理", "根据您的评价，诉求 " + caseNumber + " 已重新交办。");
        return reopened;
    }

    /** Closes and archives the case; a closed case is immutable. */
    @Transactional
    public void close(String caseNumber, Closure closure) {
        GrievanceCase grievance = cases.load(caseNumber);
        Instant now = clock.instant();
        grievance.end(Status.CLOSED, closure, now);
        cases.save(grievance);
        String words = switch (closure) {
            case RESOLVED -> "已核查结案";
            case NO_RATING -> "评价期满未评价，自动结案";
            case SUPERVISOR_CLOSED -> "经街道督办后结案";
            default -> "已结案";
        };
        events.append(CaseEvent.visible(caseNumber, now, "CLOSED", SYSTEM, words + "，已归档"));
        notifier.reporters(grievance, "您的诉求已结案", "诉求 " + caseNumber + " " + words + "。感谢您的参与。");
    }


    static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
