package org.linli.eligibility;

import org.linli.basedata.ResidentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-decides a resident once a change of their base data is committed (registration, income, disability, care
 * level, a hardship). A failure is logged and never undoes the base-data change; the nightly sweep catches up.
 */
@Component
class RedecideOnChange {

    private static final Logger LOG = LoggerFactory.getLogger(RedecideOnChange.class);

    private final EligibilitySweep sweep;

    RedecideOnChange(EligibilitySweep sweep) {
        this.sweep = sweep;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ResidentChanged change) {
        try {
            sweep.redecide(change.residentId());
        } catch (RuntimeException e) {
            LOG.warn("Re-deciding resident {} after '{}' failed; the next sweep retries", change.residentId(),
                    change.what(), e);
        }
    }
}
