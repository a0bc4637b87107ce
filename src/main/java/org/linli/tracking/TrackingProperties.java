package org.linli.tracking;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of case tracking. The Elasticsearch address itself is Spring Boot's {@code spring.elasticsearch.uris}.
 *
 * @param enabled whether the indexer drains the outbox (the outbox is written either way)
 * @param alias the alias searches and the indexer use; the indexes behind it are {@code <alias>-<stamp>}
 * @param batchSize outbox rows drained per bulk request
 * @param pollInterval pause between drains when the outbox is empty
 * @param maxBackoff longest pause after Elasticsearch failed
 * @param atRiskShare share of a case's time window left below which an open case is "at risk"
 * @param zone the time zone of the dashboard's days
 */
@Validated
@ConfigurationProperties(TrackingProperties.PREFIX)
public record TrackingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("linli-cases") String alias,
        @DefaultValue("500") @Min(1) @Max(5000) int batchSize,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double atRiskShare,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public static final String PREFIX = "app.tracking";
}
