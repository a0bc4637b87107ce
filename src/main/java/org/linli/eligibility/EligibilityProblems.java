package org.linli.eligibility;

import org.linli.web.ProblemException;

/** Problems of policy eligibility, each with its stable code (docs/problems.md). */
final class EligibilityProblems {

    private EligibilityProblems() {
    }

    static ProblemException offerNotFound(long matchId) {
        return new ProblemException.NotFound("ELG-001", "政策匹配不存在", "No policy match " + matchId + " of yours.");
    }

    static ProblemException notWaitingForAnswer(long matchId) {
        return new ProblemException.Conflict("ELG-002", "当前无需答复",
                "Policy match " + matchId + " is not waiting for the resident's answer.");
    }

    static ProblemException sweepRunning() {
        return new ProblemException.Conflict("ELG-003", "匹配正在进行", "A sweep is already running; try again later.");
    }

    static ProblemException staffOnly() {
        return new ProblemException.Forbidden("ELG-004", "仅工作人员可查看", "Only staff see other residents' matches.");
    }

    static ProblemException sweepNotAllowed() {
        return new ProblemException.Forbidden("ELG-006", "无权发起政策匹配",
                "Only clerks, supervisors and administrators start a sweep.");
    }

    static ProblemException residentNotFound(long residentId) {
        return new ProblemException.NotFound("ELG-005", "居民不存在", "No resident with id " + residentId);
    }
}
