package org.linli.eligibility;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of policy eligibility. The first three are DMN inputs (dmn/eligibility-policies.dmn): ILLUSTRATIVE values
 * that each locality sets by its own standards. The BPMN reads the reminder cycle and the answer window through
 * {@code ${eligibilityProperties.offerReminderCycle()}} and {@code ${eligibilityProperties.offerWindowIso()}}.
 *
 * @param povertyLine local minimum living standard (低保标准), yuan per person and month
 * @param assetLimit highest household financial assets per person for the minimum living allowance, yuan
 * @param lowIncomeLine low-income line (低收入标准), yuan per person and month, not below the poverty line
 * @param declineSuppression how long a resident who declined (or was refused) is not offered the same policy again
 * @param offerReminder how often an unanswered offer is recalled to the resident
 * @param offerWindow how long the resident may answer before the offer closes as "no answer"
 * @param sweepThreads threads deciding in parallel during a sweep
 * @param sweepBatchSize residents read, decided and written per batch (one transaction each)
 * @param outreachPerSweep at most this many outreach processes started by one sweep; the rest wait for the next
 * @param zone the time zone of "today" (ages, days since an event)
 */
@Validated
@ConfigurationProperties(EligibilityProperties.PREFIX)
public record EligibilityProperties(
        @DefaultValue("1100") @PositiveOrZero double povertyLine,
        @DefaultValue("26400") @PositiveOrZero double assetLimit,
        @DefaultValue("1650") @PositiveOrZero double lowIncomeLine,
        @DefaultValue("P180D") Duration declineSuppression,
        @DefaultValue("P7D") Duration offerReminder,
        @DefaultValue("P21D") Duration offerWindow,
        @DefaultValue("2") @Min(1) @Max(32) int sweepThreads,
        @DefaultValue("5000") @Min(1) int sweepBatchSize,
        @DefaultValue("200") @PositiveOrZero int outreachPerSweep,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public static final String PREFIX = "app.eligibility";

    /** The income band decision (家庭收入档次) ranks the two lines; a low-income line below the poverty line is a typo. */
    @AssertTrue(message = "low-income-line must not be below poverty-line")
    public boolean isLowIncomeLineAtOrAbovePovertyLine() {
        return lowIncomeLine >= povertyLine;
    }

    /** ISO-8601 repeating interval for the reminder timer, e.g. {@code R2/P7D}. */
    public String offerReminderCycle() {
        return "R2/" + offerReminder;
    }

    public String offerWindowIso() {
        return offerWindow.toString();
    }
}
