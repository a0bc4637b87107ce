package org.linli.deliberation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.basedata.HouseholdDirectory.PlaceSelector;
import org.linli.deliberation.DeliberationQueries.BoardEntry;
import org.linli.deliberation.DeliberationQueries.TopicView;
import org.linli.deliberation.Participation.ScreenTopicCommand;
import org.linli.deliberation.PointsLedger.Balance;
import org.linli.deliberation.RoundStore.VoteRecord;
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
@RequestMapping("/api/deliberations")
@Tag(name = "社区协商 Deliberations", description = "Raise, co-sign, screen, discuss and vote on community topics")
class DeliberationController {

    private final DeliberationIntake intake;
    private final Participation participation;
    private final DeliberationQueries queries;
    private final AssistedVoting assistedVoting;

    DeliberationController(DeliberationIntake intake, Participation participation, DeliberationQueries queries,
            AssistedVoting assistedVoting) {
        this.intake = intake;
        this.assistedVoting = assistedVoting;
        this.participation = participation;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a topic (residents: for their own area, needs co-signers; staff: for the community)")
    Proposed propose(@Valid @RequestBody ProposeRequest request) {
        String topicNumber = intake.propose(new ProposeTopicCommand(request.title(), request.description(),
                request.topicType(), request.communityCode(), AffectedArea.of(request.affectedArea().stream()
                        .map(Place::selector).toList()).text(), CurrentUser.get().id()));
        return new Proposed(topicNumber, "/api/deliberations/" + topicNumber);
    }

    @GetMapping("/board")
    @Operation(summary = "The community board: topics, their state and results, without names")
    List<BoardEntry> board(@RequestParam @NotBlank String community) {
        return queries.board(community);
    }

    @GetMapping("/{topicNumber}")
    @Operation(summary = "A topic with its rounds; counts only for closed rounds, the caller's own vote")
    TopicView topic(@PathVariable String topicNumber) {
        return queries.topic(topicNumber, CurrentUser.get());
    }

    @PostMapping("/{topicNumber}/co-signatures")
    @Operation(summary = "Co-sign a proposal for your household (households of the affected area)")
    CoSigned coSign(@PathVariable String topicNumber) {
        return new CoSigned(participation.coSign(topicNumber, CurrentUser.get()));
    }

    @PostMapping("/{topicNumber}/screening")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Screen a topic (community clerks): ACCEPT, MERGE or DECLINE with a published reason")
    void screen(@PathVariable String topicNumber, @Valid @RequestBody ScreeningRequest request) {
        participation.screen(new ScreenTopicCommand(topicNumber, request.outcome(), request.topicType(),
                request.options(), request.representatives(), request.responsibleGroup(), request.mergeInto(),
                request.declineReason()), CurrentUser.get());
    }

    @PostMapping("/{topicNumber}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment in the current round (participants, representatives, staff)")
    void comment(@PathVariable String topicNumber, @Valid @RequestBody CommentRequest request) {
        participation.comment(topicNumber, request.text(), CurrentUser.get());
    }

    @PostMapping("/{topicNumber}/votes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Vote for your household in the current round; voting again changes the vote until it closes. "
            + "A clerk records a resident's vote with onBehalfOf (the resident's account) and consent (代办).")
    void vote(@PathVariable String topicNumber, @Valid @RequestBody VoteRequest request) {
        if (request.onBehalfOf() != null) {
            assistedVoting.vote(topicNumber, request.optionId(), request.onBehalfOf(), request.consent(),
                    CurrentUser.get());
        } else {
            participation.vote(topicNumber, request.optionId(), CurrentUser.get());
        }
    }

    @PostMapping("/{topicNumber}/next-options")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the options of the next round after a round without decision (clerks)")
    void amend(@PathVariable String topicNumber, @Valid @RequestBody OptionsRequest request) {
        participation.amendOptions(topicNumber, request.options(), CurrentUser.get());
    }

    @PostMapping("/{topicNumber}/attendance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record who attended an on-site meeting of the current round (clerks; participation points)")
    void attendance(@PathVariable String topicNumber, @Valid @RequestBody AttendanceRequest request) {
        participation.recordAttendance(topicNumber, request.userIds(), CurrentUser.get());
    }

    @PostMapping("/{topicNumber}/implementation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Report the implementation of the decision (responsible party)")
    void implementation(@PathVariable String topicNumber, @Valid @RequestBody ReportRequest request) {
        participation.reportImplementation(topicNumber, request.report(), CurrentUser.get());
    }

    @PostMapping("/{topicNumber}/satisfaction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rate the effect of the implemented decision, 1-5 (participating households)")
    void satisfaction(@PathVariable String topicNumber, @Valid @RequestBody RatingRequest request) {
        participation.rateSatisfaction(topicNumber, request.rating(), CurrentUser.get());
    }

    @GetMapping("/{topicNumber}/rounds/{roundNumber}/votes")
    @Operation(summary = "Every household's vote in a round (supervisors only, for audit)")
    List<VoteRecord> votes(@PathVariable String topicNumber, @PathVariable int roundNumber) {
        return queries.votes(topicNumber, roundNumber, CurrentUser.get());
    }

    @GetMapping("/points")
    @Operation(summary = "Participation points (公益积分) of the caller, or with ?userId= of a resident (staff)")
    Balance points(@RequestParam(required = false) String userId) {
        CurrentUser user = CurrentUser.get();
        return queries.points(userId == null ? user.id() : userId, user);
    }

    record Place(@NotBlank String gridCode, String road, String building, String unit) {
        PlaceSelector selector() {
            return new PlaceSelector(gridCode.strip(), blankToNull(road), blankToNull(building), blankToNull(unit));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record ProposeRequest(@NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 4000) String description,
            @NotBlank String topicType, @NotBlank String communityCode,
            @NotEmpty @Size(max = 50) List<@Valid Place> affectedArea) {
    }

    record ScreeningRequest(@NotNull ScreenTopicCommand.Outcome outcome, String topicType,
            @Size(max = 10) List<String> options, @Size(max = 20) List<String> representatives,
            @Size(max = 64) String responsibleGroup, @Size(max = 20) String mergeInto,
            @Size(max = 500) String declineReason) {
    }

    record CommentRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record VoteRequest(@NotNull Long optionId, @Size(max = 64) String onBehalfOf, Boolean consent) {
    }

    record OptionsRequest(@NotEmpty @Size(max = 10) List<String> options) {
    }

    record AttendanceRequest(@NotEmpty @Size(max = 500) List<@NotBlank String> userIds) {
    }

    record ReportRequest(@NotBlank @Size(max = 4000) String report) {
    }

    record RatingRequest(@NotNull @Min(1) @Max(5) Integer rating) {
    }

    record Proposed(String topicNumber, String href) {
    }

    record CoSigned(int coSignCount) {
    }
}
