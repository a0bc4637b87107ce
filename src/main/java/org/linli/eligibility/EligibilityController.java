package org.linli.eligibility;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.linli.eligibility.PolicyOutreach.AnswerOfferCommand;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Residents see their offers and why, and answer; staff see matches and trigger a sweep. */
@RestController
@Validated
@RequestMapping("/api/eligibility")
class EligibilityController {

    private final PolicyOutreach outreach;
    private final EligibilitySweep sweep;

    EligibilityController(PolicyOutreach outreach, EligibilitySweep sweep) {
        this.outreach = outreach;
        this.sweep = sweep;
    }

    /** 我的惠民政策: the calling resident's matches with amount, rule and reason. */
    @GetMapping("/my-offers")
    List<MatchView> myOffers() {
        return outreach.offersOf(CurrentUser.get());
    }

    @PostMapping("/offers/{matchId}/answer")
    MatchView answer(@PathVariable long matchId, @Valid @RequestBody AnswerRequest request) {
        return outreach.answer(new AnswerOfferCommand(matchId, request.answer(), request.consent()),
                CurrentUser.get());
    }

    @GetMapping("/residents/{residentId}/matches")
    List<MatchView> matchesOfResident(@PathVariable long residentId) {
        return outreach.matchesOfResident(residentId, CurrentUser.get());
    }

    @GetMapping("/communities/{communityCode}/matches")
    List<MatchView> matchesOfCommunity(@PathVariable String communityCode, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return outreach.matchesOfCommunity(communityCode, state, limit, CurrentUser.get());
    }

    /** Clerks, supervisors and administrators start a sweep over everyone. */
    @PostMapping("/sweeps")
    SweepResult sweep() {
        CurrentUser user = CurrentUser.get();
        if (!user.isIn(LinliGroups.CLERKS) && !user.isIn(LinliGroups.SUPERVISORS) && !user.isIn(LinliGroups.ADMINS)) {
            throw EligibilityProblems.sweepNotAllowed();
        }
        return sweep.sweep();
    }

    record AnswerRequest(
            @jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.Pattern(regexp = "confirm|decline|help",
                    message = "must be confirm, decline or help") String answer,
            Boolean consent) {
    }
}
