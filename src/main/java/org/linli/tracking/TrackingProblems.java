package org.linli.tracking;

import org.linli.web.ProblemException;

/** The tracking feature's problems, each with its stable code (docs/problems.md). */
final class TrackingProblems {

    private TrackingProblems() {
    }

    static ProblemException badQuery(String detail) {
        return new ProblemException.Invalid("TRK-001", "查询条件无效", detail);
    }

    static ProblemException searchUnavailable() {
        return new ProblemException.Unavailable("TRK-002", "案件检索暂不可用", "The case index (Elasticsearch) does not "
                + "answer; cases are still handled and will be searchable when it is back.");
    }

    static ProblemException reindexRunning() {
        return new ProblemException.Conflict("TRK-003", "重建索引进行中", "A reindex is already running.");
    }

    static ProblemException noReindex() {
        return new ProblemException.NotFound("TRK-006", "尚无重建索引", "No reindex has run since the application "
                + "started; POST /api/admin/tracking/reindex starts one.");
    }

    static ProblemException notAllowed() {
        return new ProblemException.Forbidden("TRK-005", "无权查看", "Only staff may see the dashboard figures, and "
                + "only administrators may rebuild the index.");
    }
}
