package org.linli.audit;

import java.time.Instant;

/** One stored, chained entry of the audit log. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String onBehalfOf, String action,
        String objectType, String objectId, String community, String channel, String detail, String reason,
        String prevHash, String hash) {

    /** The hash this entry must carry: recomputed from its fields and the hash it claims to follow. */
    String expectedHash() {
        return AuditHash.of(this);
    }

    AuditEntry chained(long number, String previousHash) {
        AuditEntry linked = new AuditEntry(number, AuditHash.storable(occurredAt), actor, onBehalfOf, action,
                objectType, objectId, community, channel, detail, reason, previousHash, null);
        return new AuditEntry(number, linked.occurredAt, actor, onBehalfOf, action, objectType, objectId, community,
                channel, detail, reason, previousHash, linked.expectedHash());
    }
}
