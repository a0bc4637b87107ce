package org.linli.audit;

import org.linli.web.ProblemException;

/** The audit log's problems, each with its stable code (docs/problems.md). */
final class AuditProblems {

    private AuditProblems() {
    }

    static ProblemException notAllowed() {
        return new ProblemException.Forbidden("AUD-001", "无权查看审计日志",
                "Only supervisors (their street), clerks (their community) and administrators read the audit log.");
    }

    static ProblemException badPeriod() {
        return new ProblemException.Invalid("AUD-002", "时间范围无效", "'from' must not be after 'to'.");
    }
}
