package org.linli.eligibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly sweep over everyone (birthdays crossing an age band, hardships ageing out, rules or parameters
 * changed). Off with {@code app.eligibility.schedule.enabled=false}; the time is {@code app.eligibility.schedule.cron}.
 */
@Component
@ConditionalOnProperty(name = "app.eligibility.schedule.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSweep.class);

    private final EligibilitySweep sweep;

    ScheduledSweep(EligibilitySweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(cron = "${app.eligibility.schedule.cron:0 30 2 * * *}", zone = "${app.eligibility.zone:Asia/Shanghai}")
    void nightly() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            LOG.error("Nightly eligibility sweep failed", e);
        }
    }
}
