package org.linli.grievance;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets the photos a resident uploaded (PIPL erasure): their rows and bytes are deleted, attached or not. Photos
 * staff took of the site stay with the case. Called by the resident's anonymisation, in its transaction.
 */
@Service
public class PhotoErasure {

    private final PhotoStore store;

    PhotoErasure(PhotoStore store) {
        this.store = store;
    }

    /** Answers how many photos it deleted; none for a resident without an account (they could not upload). */
    @Transactional
    public int forget(String userId) {
        return userId == null ? 0 : store.deleteUploadedBy(userId);
    }
}
