package org.linli.grievance;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes photos uploaded before a filing that never came ({@code app.grievance.photos.staged-retention}, a day
 * by default): a page closed for good, a resident who changed their mind. Attached photos are never touched here.
 */
@Component
class StagedPhotoPurge {

    private final PhotoStore store;
    private final Clock clock;
    private final Duration retention;

    StagedPhotoPurge(PhotoStore store, Clock clock, GrievanceProperties properties) {
        this.store = store;
        this.clock = clock;
        this.retention = properties.photos().stagedRetention();
    }

    @Scheduled(cron = "${app.grievance.photos.purge-cron:0 23 * * * *}")
    int purge() {
        return store.deleteStagedBefore(clock.instant().minus(retention));
    }
}
