package org.linli.portal;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import org.linli.deliberation.DeliberationIntake;
import org.linli.deliberation.DeliberationQueries;
import org.linli.deliberation.DeliberationQueries.BoardEntry;
import org.linli.deliberation.DeliberationQueries.TopicView;
import org.linli.deliberation.Participation;
import org.linli.deliberation.ProposeTopicCommand;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deliberation for residents: the board of their community, a topic, and proposing, co-signing, commenting and
 * voting through the deliberation feature's services (which check household and round rules).
 */
@RestController
@RequestMapping("/portal/api/deliberations")
class PortalDeliberationController {

    private final ResidentProfile profiles;
    private final DeliberationIntake intake;
    private final Participation participation;
    private final DeliberationQueries queries;
    private final Submissions submissions;

    PortalDeliberationController(ResidentProfile profiles, DeliberationIntake intake, Participation participation,
            DeliberationQueries queries, Submissions submissions) {
        this.profiles = profiles;
        this.intake = intake;
        this.participation = participation;
        this.queries = queries;
        this.submissions = submissions;
    }

    @GetMapping
    List<BoardEntry> board() {
        String community = profiles.of(CurrentUser.get().id()).communityCode();
        return community == null ? List.of() : queries.board(community);
    }

    @GetMapping("/{topicNumber}")
    TopicView topic(@PathVariable String topicNumber) {
        return queries.topic(topicNumber, CurrentUser.get());
    }

    /** The fields of forms/deliberation-propose.form. */
    record ProposeRequest(
            @NotBlank(message = "请填写议题标题") @Size(max = 100, message = "标题最多 100 字") String title,
            @NotBlank(message = "请填写议题内容") @Size(max = 4000, message = "内容最多 4000 字") String description,
            @NotBlank(message = "请选择议题类型") String topicType,
            @NotBlank(message = "请填写社区编码") @Size(max = 32) String communityCode,
            @NotBlank(message = "请填写影响范围") @Size(max = 2000, message = "影响范围最多 2000 字") String affectedArea) {
    }

    @PostMapping
    ResponseEntity<JsonNode> propose(@RequestHeader(name = PortalController.IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody ProposeRequest request) {
        CurrentUser user = CurrentUser.get();
        return PortalController.answer(HttpStatus.CREATED, submissions.once(user.id(), key, "propose", request,
                () -> Map.of("topicNumber", intake.propose(new ProposeTopicCommand(request.title(),
                        request.description(), request.topicType(), request.communityCode(), request.affectedArea(),
                        user.id())))));
    }

    @PostMapping("/{topicNumber}/co-signatures")
    Map<String, Integer> coSign(@PathVariable String topicNumber) {
        return Map.of("coSignCount", participation.coSign(topicNumber, CurrentUser.get()));
    }

    record CommentRequest(@NotBlank(message = "请填写意见") @Size(max = 4000, message = "意见最多 4000 字") String text) {
    }

    @PostMapping("/{topicNumber}/comments")
    ResponseEntity<JsonNode> comment(@PathVariable String topicNumber,
            @RequestHeader(name = PortalController.IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody CommentRequest request) {
        CurrentUser user = CurrentUser.get();
        return PortalController.answer(HttpStatus.CREATED, submissions.once(user.id(), key,
                "comment " + topicNumber, request,
                () -> Map.of("commentId", participation.comment(topicNumber, request.text(), user))));
    }

    record VoteRequest(@NotNull(message = "请选择一个选项") Long optionId) {
    }

    @PostMapping("/{topicNumber}/votes")
    ResponseEntity<JsonNode> vote(@PathVariable String topicNumber,
            @RequestHeader(name = PortalController.IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody VoteRequest request) {
        CurrentUser user = CurrentUser.get();
        return PortalController.answer(HttpStatus.OK, submissions.once(user.id(), key, "vote " + topicNumber, request,
                () -> {
                    participation.vote(topicNumber, request.optionId(), user);
                    return Map.of("topicNumber", topicNumber, "optionId", request.optionId());
                }));
    }
}
