package org.linli.audit;

import java.io.IOException;
import java.util.Optional;

import org.linli.audit.AuditAnchors.Anchor;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit log: the chain in the database ({@link AuditChain#verify}), then held against the farthest
 * anchor outside it ({@link AuditAnchors}): the entry the chain once reached must still be there, with its hash.
 */
@Component
class AuditVerifier {

    private final AuditChain chain;
    private final AuditAnchors anchors;

    AuditVerifier(AuditChain chain, AuditAnchors anchors) {
        this.chain = chain;
        this.anchors = anchors;
    }

    AuditVerification verify() {
        AuditVerification walked = chain.verify();
        Optional<Anchor> latest;
        try {
            latest = anchors.latest();
        } catch (IOException | RuntimeException e) {
            return walked.withAnchor("not checked: the anchors cannot be read (" + e.getMessage() + ")");
        }
        if (latest.isEmpty()) {
            return walked.withAnchor("no anchor yet");
        }
        Anchor anchor = latest.get();
        String described = "entry " + anchor.seq() + " anchored at " + anchor.at();
        if (!walked.intact() && walked.firstBroken() <= anchor.seq()) {
            return walked.withAnchor(described);
        }
        Optional<String> hash = chain.hashOf(anchor.seq());
        if (hash.isEmpty()) {
            return AuditVerification.broken(walked.checked(), walked.checked() + 1, "entries after "
                    + walked.checked() + " are missing: the chain reached entry " + anchor.seq())
                    .withAnchor(described);
        }
        if (!hash.get().equals(anchor.hash())) {
            return AuditVerification.broken(anchor.seq() - 1, anchor.seq(), "entry " + anchor.seq()
                    + " is not the entry that was anchored").withAnchor(described);
        }
        return walked.withAnchor(described);
    }
}
