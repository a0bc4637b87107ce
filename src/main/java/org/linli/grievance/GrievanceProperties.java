package org.linli.grievance;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of resident grievance handling. The BPMN reads the rating window through
 * {@code ${grievanceProperties.ratingWindowIso()}}.
 *
 * @param ratingWindow how long a resident may rate a handled case before it closes as "no rating"
 * @param duplicateWindow how far back open cases at the same address and category count as duplicates
 * @param maxTextLength the longest description or comment accepted, in characters
 * @param zone the time zone in which working days and "due today" are counted
 * @param photos limits of the photos residents and handlers upload
 */
@Validated
@ConfigurationProperties(GrievanceProperties.PREFIX)
public record GrievanceProperties(
        @DefaultValue("P7D") Duration ratingWindow,
        @DefaultValue("P30D") Duration duplicateWindow,
        @DefaultValue("2000") @Min(1) @Max(4000) int maxTextLength,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue @Valid Photos photos) {

    public static final String PREFIX = "app.grievance";

    /**
     * @param maxSize the largest photo accepted (the multipart limit, spring.servlet.multipart.*, sits above it)
     * @param maxPerCase how many photos one case may carry, the resident's and the handler's together
     * @param stagedRetention how long a photo uploaded before filing waits for its filing before it is purged
     */
    public record Photos(
            @DefaultValue("5MB") DataSize maxSize,
            @DefaultValue("9") @Min(1) @Max(50) int maxPerCase,
            @DefaultValue("P1D") Duration stagedRetention) {
    }

    /** The rating window as an ISO-8601 duration, the form a BPMN timer expression needs. */
    public String ratingWindowIso() {
        return ratingWindow.toString();
    }
}
