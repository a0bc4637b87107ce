package org.linli.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.NotificationView;
import org.linli.basedata.Notifications.Recipient;
import org.linli.deliberation.DeliberationQueries;
import org.linli.eligibility.MatchView;
import org.linli.eligibility.PolicyOutreach;
import org.linli.grievance.AttachPhotosCommand;
import org.linli.grievance.FileGrievanceCommand;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;
import org.linli.grievance.GrievanceIntake;
import org.linli.grievance.GrievancePhotos;
import org.linli.grievance.GrievancePhotos.PhotoView;
import org.linli.grievance.GrievanceQueries;
import org.linli.grievance.GrievanceQueries.CaseView;
import org.linli.grievance.GrievanceQueries.TimelineEntry;
import org.linli.portal.ResidentProfile.Profile;
import org.linli.portal.ResidentTasks.TaskCard;
import org.linli.security.CurrentUser;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resident's own things: who they are, their grievances, offers, messages and points, and the start forms. */
@RestController
@RequestMapping("/portal/api")
class PortalController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Start forms the portal shows: filing a grievance, raising a deliberation topic (files in forms/). */
    private static final Set<String> START_FORMS = Set.of("grievance-handling-report", "deliberation-propose");

    private final ResidentProfile profiles;
    private final ResidentTasks tasks;
    private final GrievanceIntake intake;
    private final GrievanceQueries grievances;
    private final GrievancePhotos photos;
    private final PolicyOutreach outreach;
    private final Notifications notifications;
    private final DeliberationQueries deliberations;
    private final Submissions submissions;
    private final ObjectMapper json;

    PortalController(ResidentProfile profiles, ResidentTasks tasks, GrievanceIntake intake,
            GrievanceQueries grievances, GrievancePhotos photos, PolicyOutreach outreach, Notifications notifications,
            DeliberationQueries deliberations, Submissions submissions, ObjectMapper json) {
        this.profiles = profiles;
        this.tasks = tasks;
        this.intake = intake;
        this.grievances = grievances;
        this.photos = photos;
        this.outreach = outreach;
        this.notifications = notifications;
        this.deliberations = deliberations;
        this.submissions = submissions;
        this.json = json;
    }

    @GetMapping("/me")
    Profile me() {
        return profiles.of(CurrentUser.get().id());
    }

    @GetMapping("/forms/{formId}")
    JsonNode startForm(@PathVariable String formId) throws IOException {
        if (!START_FORMS.contains(formId)) {
            throw PortalProblems.formNotFound(formId);
        }
        try (InputStream form = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
            return json.readTree(form);
        }
    }

    @GetMapping("/grievances")
    List<CaseView> grievances() {
        return grievances.mine(CurrentUser.get());
    }

    record GrievanceDetail(CaseView grievance, List<TimelineEntry> timeline, List<PhotoView> photos,
            String rateTaskId) {
    }

    @GetMapping("/grievances/{caseNumber}")
    GrievanceDetail grievance(@PathVariable String caseNumber) {
        CurrentUser user = CurrentUser.get();
        String rateTask = tasks.open(user).stream()
                .filter(t -> t.kind().equals(ResidentTaskKind.RATE_GRIEVANCE.name()) && caseNumber.equals(t.reference()))
                .map(TaskCard::id).findFirst().orElse(null);
        return new GrievanceDetail(grievances.grievance(caseNumber, user), grievances.timeline(caseNumber, user),
                photos.ofCase(caseNumber, user), rateTask);
    }

    /**
     * The fields of forms/grievance-handling-report.form, and the ids of the photos uploaded for it beforehand
     * ({@code POST photos}), which the filing attaches.
     */
    record FileRequest(
            @NotBlank(message = "请选择问题类别") @Size(max = 32) String category,
            @NotBlank(message = "请描述遇到的问题") @Size(max = 2000, message = "问题描述最多 2000 字") String description,
            @Pattern(regexp = "registered|other", message = "请选择问题地点") String place,
            @Size(max = 200, message = "地点最多 200 字") String addressText,
            @Size(max = 50, message = "照片太多") List<@Pattern(regexp = PortalPhotoController.PHOTO_ID,
                    message = "照片编号无效") String> photos) {
    }

    @PostMapping("/grievances")
    ResponseEntity<JsonNode> file(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody FileRequest request) {
        CurrentUser user = CurrentUser.get();
        return answer(HttpStatus.CREATED, submissions.once(user.id(), key, "file-grievance", request, () -> {
            Profile profile = profiles.of(user.id());
            boolean typed = "other".equals(request.place());
            if (profile.communityCode() == null || (typed && (request.addressText() == null
                    || request.addressText().isBlank()))) {
                throw PortalProblems.noRegisteredAddress();
            }
            String caseNumber = intake.file(new FileGrievanceCommand(Channel.PORTAL, user.id(), null, null, user.id(),
                    request.category(), null, Urgency.NORMAL, request.description(), profile.communityCode(), null,
                    typed ? request.addressText().strip() : profile.address()));
            photos.attach(new AttachPhotosCommand(caseNumber, request.photos()), user);
            return Map.of("caseNumber", caseNumber);
        }));
    }

    record Offer(MatchView offer, String answerTaskId) {
    }

    @GetMapping("/offers")
    List<Offer> offers() {
        CurrentUser user = CurrentUser.get();
        List<TaskCard> open = tasks.open(user);
        return outreach.offersOf(user).stream().map(offer -> new Offer(offer, open.stream()
                .filter(t -> t.kind().equals(ResidentTaskKind.ANSWER_OFFER.name())
                        && t.reference().equals(PolicyOutreach.businessKey(offer.id())))
                .map(TaskCard::id).findFirst().orElse(null))).toList();
    }

    @GetMapping("/notifications")
    List<NotificationView> notifications() {
        return notifications.of(Recipient.user(CurrentUser.get().id()), 50);
    }

    /** 公益积分 earned in deliberations (the only points the system keeps). */
    @GetMapping("/points")
    Object points() {
        CurrentUser user = CurrentUser.get();
        return deliberations.points(user.id(), user);
    }

    static ResponseEntity<JsonNode> answer(HttpStatus status, Submissions.Outcome outcome) {
        return ResponseEntity.status(status).header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.body());
    }
}
