package org.linli.grievance;

/** Appends a line to a case's timeline (a fragment of {@link CaseEventRepository}). */
interface CaseEventAppends {

    void append(CaseEvent event);
}
