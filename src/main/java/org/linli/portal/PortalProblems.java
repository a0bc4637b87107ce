package org.linli.portal;

import org.linli.web.ProblemException;
import org.linli.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problems of the resident portal, each with its stable code (docs/problems.md). */
final class PortalProblems {

    private PortalProblems() {
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        return Problems.of(status, code, title, detail);
    }

    static ProblemException badIdempotencyKey() {
        return new ProblemException.Invalid("PTL-001", "缺少提交编号",
                "Send an Idempotency-Key header of 8 to 64 letters, digits or dashes with every submission.");
    }

    static ProblemException keyReused() {
        return new ProblemException.Conflict("PTL-002", "提交编号已用于其他内容",
                "This Idempotency-Key was used for a different submission; create a new key for new content.");
    }

    static ProblemException taskNotFound(String taskId) {
        return new ProblemException.NotFound("PTL-003", "待办事项不存在",
                "No open task " + taskId + " of yours; it may have been completed already.");
    }

    static ProblemException invalid(String detail) {
        return new ProblemException.Invalid("PTL-006", "填写有误", detail);
    }

    static ProblemException noRegisteredAddress() {
        return new ProblemException.Invalid("PTL-007", "没有登记住址",
                "No registered address: type the place of the problem, or ask the community to register you.");
    }

    static ProblemException formNotFound(String formId) {
        return new ProblemException.NotFound("PTL-008", "表单不存在", "No portal form " + formId + ".");
    }
}
