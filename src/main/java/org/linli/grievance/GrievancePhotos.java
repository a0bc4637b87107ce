package org.linli.grievance;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.grievance.GrievanceProperties.Photos;
import org.linli.security.CaseAccess;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of grievances, stored in {@code grv_attachment}. A resident uploads before filing (the filing attaches
 * them) or to their own open case; staff working on a case upload photos of the site, whose ids the handler's form
 * refers to. Who sees them: the reporter, and staff working on the case ({@link CaseAccess#worksOn}: its
 * community, the street above it, its handler group, administrators). Other residents learn nothing (404), other
 * staff are refused (403); neither ever gets the bytes. Uploads and staff downloads are audited.
 */
@Service
public class GrievancePhotos {

    static final String AUDIT_TYPE = "grievance-photo";

    private final GrievanceCaseRepository cases;
    private final CaseEventRepository events;
    private final PhotoStore store;
    private final CaseAccess caseAccess;
    private final AuditLog audit;
    private final Photos limits;
    private final Clock clock;

    GrievancePhotos(GrievanceCaseRepository cases, CaseEventRepository events, PhotoStore store,
            CaseAccess caseAccess, AuditLog audit, GrievanceProperties properties, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.store = store;
        this.caseAccess = caseAccess;
        this.audit = audit;
        this.limits = properties.photos();
        this.clock = clock;
    }

    /** A stored photo, without its bytes. {@code purpose}: {@code REPORT} (the resident's) or {@code HANDLING}. */
    public record PhotoView(String id, String caseNumber, String purpose, String contentType, long size,
            String sha256, Instant uploadedAt) {
    }

    /** A photo with its bytes, for a download. */
    public record PhotoContent(PhotoView photo, byte[] content) {

        /** {@code <id>.jpg}, {@code .png} or {@code .webp}. */
        public String fileName() {
            return photo.id() + "." + PhotoType.ofMediaType(photo.contentType()).map(PhotoType::extension)
                    .orElse("bin");
        }
    }

    /** Stores a photo: checked first (type by its bytes, size, how many), so a refused one stores nothing. */
    @Transactional
    public PhotoView upload(UploadPhotoCommand command, CurrentUser user) {
        byte[] content = command.content();
        if (content.length > limits.maxSize().toBytes()) {
            throw GrievanceProblems.photoTooLarge(content.length, limits.maxSize().toBytes());
        }
        PhotoType type = PhotoType.sniff(content).orElseThrow(GrievanceProblems::notAPhoto);
        Instant now = clock.instant();
        String caseNumber = command.caseNumber();
        String purpose = PhotoStore.REPORT;
        String community = null;
        if (caseNumber == null) {
            if (store.countStaged(user.id(), now.minus(limits.stagedRetention())) >= 2 * limits.maxPerCase()) {
                throw GrievanceProblems.tooManyPhotos(2 * limits.maxPerCase());
            }
        } else {
            store.lockCase(caseNumber);
            GrievanceCase grievance = cases.load(caseNumber);
            if (!isReporter(grievance, user)) {
                checkWorksOn(grievance, user);
                purpose = PhotoStore.HANDLING;
            }
            grievance.ensureOpen();
            if (store.countOfCase(caseNumber) >= limits.maxPerCase()) {
                throw GrievanceProblems.tooManyPhotos(limits.maxPerCase());
            }
            community = grievance.communityCode();
        }
        PhotoView photo = new PhotoView(UUID.randomUUID().toString(), caseNumber, purpose, type.mediaType(),
                content.length, command.sha256(), now);
        store.insert(photo, user.id(), content);
        if (caseNumber != null) {
            events.append(PhotoStore.REPORT.equals(purpose)
                    ? CaseEvent.visible(caseNumber, now, "PHOTO", user.id(), "补充了 1 张照片")
                    : CaseEvent.internal(caseNumber, now, "PHOTO", user.id(), "上传了现场照片，照片编号 " + photo.id()));
        }
        audit.record(AuditEvent.of("photo.uploaded", AUDIT_TYPE, photo.id(), community).detail(caseNumber));
        return photo;
    }

    /** The filing resident's photos uploaded before filing go with the case; any id not theirs refuses it all. */
    @Transactional
    public void attach(AttachPhotosCommand command, CurrentUser user) {
        Set<String> ids = new LinkedHashSet<>(command.photoIds());
        if (ids.isEmpty()) {
            return;
        }
        store.lockCase(command.caseNumber());
        GrievanceCase grievance = cases.load(command.caseNumber());
        if (!isReporter(grievance, user)) {
            throw GrievanceProblems.notReporter();
        }
        grievance.ensureOpen();
        if (store.countOfCase(grievance.caseNumber()) + ids.size() > limits.maxPerCase()) {
            throw GrievanceProblems.tooManyPhotos(limits.maxPerCase());
        }
        if (store.attachStaged(grievance.caseNumber(), ids, user.id()) != ids.size()) {
            throw GrievanceProblems.photoNotFound("One of the photos " + ids + " is not an unattached upload of yours "
                    + "(attached to another case, or removed after " + limits.stagedRetention() + ").");
        }
        Instant now = clock.instant();
        events.append(CaseEvent.visible(grievance.caseNumber(), now, "PHOTO", user.id(), "附上了 " + ids.size() + " 张照片"));
        audit.record(AuditEvent.of("photos.attached", GrievanceHandlingVariables.PROCESS_ID, grievance.caseNumber(),
                grievance.communityCode()).detail(ids.size() + " photos"));
    }

    /** The photos a person uploaded (attached to a case or not), oldest first: their own data, for an export. */
    @Transactional(readOnly = true)
    public List<PhotoView> uploadedBy(CurrentUser user) {
        return store.uploadedBy(user.id());
    }

    /** The case's photos, oldest first, for the reporter and staff working on the case. */
    @Transactional(readOnly = true)
    public List<PhotoView> ofCase(String caseNumber, CurrentUser user) {
        return store.ofCase(readable(caseNumber, user).caseNumber());
    }

    /** One photo with its bytes; a staff download is audited. */
    @Transactional(readOnly = true)
    public PhotoContent download(String caseNumber, String photoId, CurrentUser user) {
        GrievanceCase grievance = readable(caseNumber, user);
        PhotoView photo = store.find(grievance.caseNumber(), photoId)
                .orElseThrow(() -> GrievanceProblems.photoNotFound("No photo " + photoId + " of " + caseNumber + "."));
        if (!isReporter(grievance, user)) {
            audit.record(AuditEvent.of("photo.read", AUDIT_TYPE, photo.id(), grievance.communityCode())
                    .detail(caseNumber));
        }
        return new PhotoContent(photo, store.content(photo.id()));
    }

    private GrievanceCase readable(String caseNumber, CurrentUser user) {
        GrievanceCase grievance = cases.load(caseNumber);
        if (!isReporter(grievance, user)) {
            checkWorksOn(grievance, user);
        }
        return grievance;
    }

    /** Staff working on the case pass; other staff learn why (403), other residents nothing (404). */
    private void checkWorksOn(GrievanceCase grievance, CurrentUser user) {
        if (!user.isStaff()) {
            throw GrievanceProblems.caseNotFound(grievance.caseNumber());
        }
        if (!caseAccess.worksOn(user, LinliGroups.orgGroup(OrgLevel.COMMUNITY, grievance.communityCode()),
                grievance.handlerGroup())) {
            throw GrievanceProblems.notWorkingOnCase(grievance.caseNumber());
        }
    }

    private static boolean isReporter(GrievanceCase grievance, CurrentUser user) {
        return user.id().equals(grievance.reporterUserId());
    }
}
