package org.linli.deliberation;

import org.linli.web.ProblemException;

/** The deliberation feature's problems, each with its stable code (docs/problems.md). */
final class DeliberationProblems {

    private DeliberationProblems() {
    }

    static ProblemException topicNotFound(String topicNumber) {
        return new ProblemException.NotFound("DLB-001", "议题不存在", "No deliberation topic " + topicNumber);
    }

    static ProblemException invalid(String detail) {
        return new ProblemException.Invalid("DLB-002", "议题内容无效", detail);
    }

    static ProblemException noHousehold() {
        return new ProblemException.Forbidden("DLB-003", "未关联住户", "Your login belongs to no resident, so it acts "
                + "for no household; ask the community office to link it to you.");
    }

    static ProblemException notParticipant(String topicNumber) {
        return new ProblemException.Forbidden("DLB-004", "非本议题参与户", "Your household is not among the "
                + "participants of " + topicNumber + ".");
    }

    static ProblemException notInArea(String topicNumber) {
        return new ProblemException.Forbidden("DLB-005", "不在议题影响范围内", "Only households in the affected area "
                + "of " + topicNumber + " may co-sign it.");
    }

    static ProblemException wrongPhase(String topicNumber, String what) {
        return new ProblemException.Conflict("DLB-006", "当前阶段不可操作", "Topic " + topicNumber + ": " + what);
    }

    static ProblemException votingClosed(String topicNumber) {
        return new ProblemException.Conflict("DLB-007", "投票已截止", "The vote of topic " + topicNumber
                + " is not open; a closed round never changes.");
    }

    static ProblemException unknownOption(long optionId) {
        return new ProblemException.Invalid("DLB-008", "选项不存在", "Option " + optionId
                + " is not an option of the current round.");
    }

    static ProblemException notStaff() {
        return new ProblemException.Forbidden("DLB-009", "无权操作", "Only the community's staff may do this.");
    }

    static ProblemException notSupervisor() {
        return new ProblemException.Forbidden("DLB-010", "仅督办人员可查看", "Only supervisors may audit the votes.");
    }

    static ProblemException unknownPlace(String detail) {
        return new ProblemException.Invalid("DLB-011", "地点无效", detail);
    }

    static ProblemException tooLong(String field, int max) {
        return new ProblemException.Invalid("DLB-012", "内容过长", "The " + field + " may have at most " + max
                + " characters.");
    }
}
