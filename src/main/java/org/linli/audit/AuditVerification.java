package org.linli.audit;

/**
 * The outcome of walking the chain: intact with the number of entries checked, or the first broken entry
 * ({@code firstBroken}) and what is wrong with it; entries up to {@code checked} are sound. {@code anchor} says what
 * the chain was held against outside the database ({@link AuditAnchors}).
 */
public record AuditVerification(boolean intact, long checked, Long firstBroken, String problem, String anchor) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null, null);
    }

    static AuditVerification broken(long checked, long firstBroken, String problem) {
        return new AuditVerification(false, checked, firstBroken, problem, null);
    }

    AuditVerification withAnchor(String anchor) {
        return new AuditVerification(intact, checked, firstBroken, problem, anchor);
    }
}
