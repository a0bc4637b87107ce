package org.linli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The eligibility parameters a locality sets: the defaults bind, and lines in the wrong order stop the start. */
class EligibilityPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bind.class);

    @Test
    void theIllustrativeDefaultsBind() {
        context.run(started -> assertThat(started.getBean(EligibilityProperties.class))
                .extracting(EligibilityProperties::povertyLine, EligibilityProperties::lowIncomeLine)
                .containsExactly(1100.0, 1650.0));
    }

    @Test
    void aLowIncomeLineBelowThePovertyLineIsRefusedAtStartWithTheReason() {
        context.withPropertyValues("app.eligibility.poverty-line=1100", "app.eligibility.low-income-line=1000")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("low-income-line must not be below poverty-line"));
    }

    @Test
    void equalLinesAreAllowed() {
        context.withPropertyValues("app.eligibility.poverty-line=1200", "app.eligibility.low-income-line=1200")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EligibilityProperties.class)
    static class Bind {
    }
}
