package org.linli.grievance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.grievance.GrievanceCatalogue.Category;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;
import org.linli.grievance.GrievanceFeedback.RateGrievanceCommand;
import org.linli.grievance.GrievanceQueries.CaseView;
import org.linli.grievance.GrievanceQueries.TimelineEntry;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/grievances")
@Tag(name = "民生诉求 Grievances", description = "File, follow, comment on and rate resident grievances")
class GrievanceController {

    private final GrievanceIntake intake;
    private final GrievanceQueries queries;
    private final GrievanceFeedback feedback;

    GrievanceController(GrievanceIntake intake, GrievanceQueries queries, GrievanceFeedback feedback) {
        this.intake = intake;
        this.queries = queries;
        this.feedback = feedback;
    }

    @GetMapping("/categories")
    @Operation(summary = "The categories a grievance can be filed under")
    List<Map<String, String>> categories() {
        return Arrays.stream(Category.values()).map(c -> Map.of("code", c.code(), "label", c.label())).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a grievance",
            description = "A resident files for themself; staff file on a resident's behalf (hotline, counter, patrol) "
                    + "and name the reporter by user id or phone number.")
    Filed file(@Valid @RequestBody FileRequest request) {
        CurrentUser user = CurrentUser.get();
        String caseNumber;
        if (request.onBehalfOf() != null) {
            caseNumber = intake.fileForResident(request.forResident(user.id()), user, request.consent());
        } else {
            caseNumber = intake.file(user.isStaff() ? request.byStaff(user.id()) : request.byResident(user.id()));
        }
        return new Filed(caseNumber, "/api/grievances/" + caseNumber);
    }

    @GetMapping
    @Operation(summary = "The caller's own grievances, or with ?community= a community's (its staff and supervisors)")
    List<CaseView> list(@RequestParam(required = false) String community,
            @RequestParam(defaultValue = "false") boolean openOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return community == null ? queries.mine(CurrentUser.get())
                : queries.ofCommunity(community, openOnly, page, size, CurrentUser.get());
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "A grievance's current status")
    CaseView grievance(@PathVariable String caseNumber) {
        return queries.grievance(caseNumber, CurrentUser.get());
    }

    @GetMapping("/{caseNumber}/timeline")
    @Operation(summary = "Every state change of a grievance, in plain words")
    List<TimelineEntry> timeline(@PathVariable String caseNumber) {
        return queries.timeline(caseNumber, CurrentUser.get());
    }

    @PostMapping("/{caseNumber}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a comment to a grievance's timeline")
    void comment(@PathVariable String caseNumber, @Valid @RequestBody CommentRequest request) {
        feedback.comment(caseNumber, request.text(), request.internal(), CurrentUser.get());
    }

    @PostMapping("/{caseNumber}/rating")
    @Operation(summary = "Rate the handling (reporter only, once the case is handled)")
    void rate(@PathVariable String caseNumber, @Valid @RequestBody RatingRequest request) {
        feedback.rate(new RateGrievanceCommand(caseNumber, request.rating(), request.solved(), request.comment()),
                CurrentUser.get());
    }

    record FileRequest(
            Channel channel,
            @Size(max = 64) String reporterUserId,
            @Size(max = 50) String reporterName,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mainland mobile number") String reporterPhone,
            @NotBlank @Size(max = 32) String category,
            @Size(max = 64) String subCategory,
            Urgency urgency,
            @NotBlank @Size(max = 4000) String description,
            @NotBlank String communityCode,
            Long addressId,
            @Size(max = 200) String addressText,
            @Size(max = 64) String onBehalfOf,
            Boolean consent) {

        FileGrievanceCommand byResident(String userId) {
            return new FileGrievanceCommand(channel == Channel.API ? Channel.API : Channel.PORTAL, userId, reporterName,
                    reporterPhone, userId, category, subCategory, urgencyOrNormal(), description, communityCode,
                    addressId, addressText);
        }

        /** A clerk files for a resident with an account, who consented (代办): the resident follows the case. */
        FileGrievanceCommand forResident(String clerkId) {
            return new FileGrievanceCommand(channel == null ? Channel.COUNTER : channel, onBehalfOf, reporterName,
                    reporterPhone, clerkId, category, subCategory, urgencyOrNormal(), description, communityCode,
                    addressId, addressText);
        }

        FileGrievanceCommand byStaff(String staffId) {
            return new FileGrievanceCommand(channel == null ? Channel.HOTLINE : channel, reporterUserId, reporterName,
                    reporterPhone, staffId, category, subCategory, urgencyOrNormal(), description, communityCode,
                    addressId, addressText);
        }

        private Urgency urgencyOrNormal() {
            return urgency == null ? Urgency.NORMAL : urgency;
        }
    }

    record CommentRequest(@NotBlank @Size(max = 4000) String text, boolean internal) {
    }

    record RatingRequest(@NotNull @Min(1) @Max(5) Integer rating, boolean solved, @Size(max = 4000) String comment) {
    }

    record Filed(String caseNumber, String href) {
    }
}
