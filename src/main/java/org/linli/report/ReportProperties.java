package org.linli.report;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of report filing.
 *
 * @param templatePath classpath folder of the report types ({@code <code>.json}, {@code .ftlh}, {@code .csv.ftl})
 * @param reminderBefore how long before the deadline a community that has not submitted is reminded
 * @param zone where report periods (months) and deadlines are counted
 */
@Validated
@ConfigurationProperties(ReportProperties.PREFIX)
public record ReportProperties(
        @DefaultValue("templates/report") String templatePath,
        @DefaultValue("P1D") Duration reminderBefore,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public static final String PREFIX = "app.report";
}
