package org.linli.deliberation;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of deliberation rounds. The services turn the durations into the dates the process timers wait for.
 *
 * @param coSignThreshold households (the proposer's included) that must co-sign a resident's proposal
 * @param coSignWindow how long co-signing stays open before the proposal lapses
 * @param discussionPeriod how long each round is discussed before the vote opens
 * @param votingPeriod how long the vote of a round stays open
 * @param votingExtension how much longer the vote stays open, once, when the quorum was not reached
 * @param implementationPeriod the responsible party's time to implement a decision
 * @param satisfactionPeriod how long participants may rate the effect
 * @param pointsPerComment participation points (公益积分) for a comment
 * @param pointsPerVote points for a household's vote in a round (once per round, changes do not count)
 * @param pointsPerAttendance points for attending an on-site meeting, recorded by the clerk
 * @param maxTextLength the longest comment or report accepted, in characters
 * @param zone the community's time zone, for dates shown in forms and messages
 */
@Validated
@ConfigurationProperties(DeliberationProperties.PREFIX)
public record DeliberationProperties(
        @DefaultValue("5") @Min(1) @Max(1000) int coSignThreshold,
        @DefaultValue("P14D") Duration coSignWindow,
        @DefaultValue("P3D") Duration discussionPeriod,
        @DefaultValue("P3D") Duration votingPeriod,
        @DefaultValue("P2D") Duration votingExtension,
        @DefaultValue("P30D") Duration implementationPeriod,
        @DefaultValue("P7D") Duration satisfactionPeriod,
        @DefaultValue("1") @Min(0) int pointsPerComment,
        @DefaultValue("2") @Min(0) int pointsPerVote,
        @DefaultValue("3") @Min(0) int pointsPerAttendance,
        @DefaultValue("2000") @Min(1) @Max(4000) int maxTextLength,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public static final String PREFIX = "app.deliberation";
}
