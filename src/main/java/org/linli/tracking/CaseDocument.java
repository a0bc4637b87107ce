package org.linli.tracking;

import java.time.Instant;
import java.util.List;

/**
 * One case as Elasticsearch holds it (src/main/resources/tracking/case-index.json): any process instance of any
 * process family, with the family-specific fields that its variables provide by naming convention
 * (docs/tracking.md). No personal data: user ids, group ids and codes only, and free text with phone and
 * id-card numbers masked.
 */
public record CaseDocument(
        String id,
        String caseNumber,
        String family,
        String familyName,
        String state,
        boolean open,
        List<String> currentSteps,
        List<String> currentStepIds,
        List<String> assignees,
        List<String> candidateGroups,
        String communityCode,
        String gridCode,
        String streetCode,
        String address,
        String category,
        String subCategory,
        String channel,
        String urgency,
        String handlerGroup,
        Instant createdAt,
        Instant dueAt,
        Instant atRiskAt,
        Instant closedAt,
        String slaState,
        Integer escalationLevel,
        Integer satisfaction,
        Boolean solved,
        String alarmType,
        Instant acknowledgedAt,
        Long ackSeconds,
        Integer participants,
        int incidents,
        String reporterUserId,
        List<String> accessGroups,
        String text) {

    public static final String ON_TIME = "ON_TIME";
    public static final String AT_RISK = "AT_RISK";
    public static final String OVERDUE = "OVERDUE";

    /** The SLA state at {@code now}: closed cases keep the state they closed in, open ones move with time. */
    public String slaStateAt(Instant now) {
        if (dueAt == null) {
            return null;
        }
        if (!open) {
            return closedAt != null && closedAt.isAfter(dueAt) ? OVERDUE : ON_TIME;
        }
        if (now.isAfter(dueAt)) {
            return OVERDUE;
        }
        return atRiskAt != null && !now.isBefore(atRiskAt) ? AT_RISK : ON_TIME;
    }

    /** This document with its SLA state as of {@code now}. */
    public CaseDocument asOf(Instant now) {
        return new CaseDocument(id, caseNumber, family, familyName, state, open, currentSteps, currentStepIds,
                assignees, candidateGroups, communityCode, gridCode, streetCode, address, category, subCategory,
                channel, urgency, handlerGroup, createdAt, dueAt, atRiskAt, closedAt, slaStateAt(now),
                escalationLevel, satisfaction, solved, alarmType, acknowledgedAt, ackSeconds, participants, incidents,
                reporterUserId, accessGroups, text);
    }
}
