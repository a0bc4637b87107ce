package org.linli.grievance;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One {@code INSERT} per timeline line. A line is never read back by the step that writes it nor changed later, so
 * it needs none of the aggregate machinery of {@code save} (generated key read back, callbacks, mapping), which
 * every step of a case would otherwise pay once or twice.
 */
class CaseEventAppendsImpl implements CaseEventAppends {

    private final JdbcClient jdbc;

    CaseEventAppendsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(CaseEvent event) {
        jdbc.sql("""
                INSERT INTO grv_case_event (case_number, occurred_at, type, actor, text, visible_to_reporter)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.caseNumber(), Timestamp.from(event.occurredAt()), event.type(), event.actor(),
                        event.text(), event.visibleToReporter())
                .update();
    }
}
