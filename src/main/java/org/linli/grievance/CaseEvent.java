package org.linli.grievance;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a case's timeline, in plain words. Internal lines are hidden from the reporter. */
@Table("grv_case_event")
record CaseEvent(@Id Long id, String caseNumber, Instant occurredAt, String type, String actor, String text,
        boolean visibleToReporter) {

    static CaseEvent visible(String caseNumber, Instant at, String type, String actor, String text) {
        return new CaseEvent(null, caseNumber, at, type, actor, text, true);
    }

    static CaseEvent internal(String caseNumber, Instant at, String type, String actor, String text) {
        return new CaseEvent(null, caseNumber, at, type, actor, text, false);
    }
}
