package org.linli.report;

import java.util.List;

import org.linli.web.ProblemException;

/** The report feature's problems, each with its stable code (docs/problems.md). */
final class ReportProblems {

    private ReportProblems() {
    }

    static ProblemException unknownType(String type) {
        return new ProblemException.Invalid("RPT-001", "报表类型不存在", "Unknown report type: " + type
                + ". Use one of GET /api/reports/types.");
    }

    static ProblemException requestNotFound(long id) {
        return new ProblemException.NotFound("RPT-002", "报表任务不存在", "No report request " + id);
    }

    static ProblemException invalidValues(List<String> errors) {
        return new ProblemException.Invalid("RPT-003", "报表数据无效", String.join("; ", errors));
    }

    static ProblemException alreadySubmitted(long filingId) {
        return new ProblemException.Conflict("RPT-004", "报表已上报", "Filing " + filingId
                + " is submitted; its versions can no longer change.");
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException.Invalid("RPT-005", "报表任务无效", detail);
    }

    static ProblemException notAllowed(String detail) {
        return new ProblemException.Forbidden("RPT-006", "无权操作报表", detail);
    }

    static ProblemException versionNotFound(String detail) {
        return new ProblemException.NotFound("RPT-007", "报表版本不存在", detail);
    }

    static ProblemException residentNotFound(long id) {
        return new ProblemException.NotFound("RPT-008", "居民不存在", "No resident " + id);
    }

    static ProblemException badVisit(String detail) {
        return new ProblemException.Invalid("RPT-009", "走访记录无效", detail);
    }

    static ProblemException visitNotFound(long id) {
        return new ProblemException.NotFound("RPT-010", "走访记录不存在", "No home visit " + id);
    }
}
