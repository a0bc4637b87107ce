package org.linli.grievance;

import org.linli.web.ProblemException;

/** The grievance feature's problems, each with its stable code (docs/problems.md). */
final class GrievanceProblems {

    private GrievanceProblems() {
    }

    static ProblemException unknownCategory(String category) {
        return new ProblemException.Invalid("GRV-001", "诉求类别不存在", "Unknown category: " + category
                + ". Use one of GET /api/grievances/categories.");
    }

    static ProblemException caseNotFound(String caseNumber) {
        return new ProblemException.NotFound("GRV-002", "诉求不存在", "No grievance " + caseNumber);
    }

    static ProblemException caseClosed(String caseNumber) {
        return new ProblemException.Conflict("GRV-003", "诉求已结案", "Grievance " + caseNumber
                + " is closed and archived; it can no longer change.");
    }

    static ProblemException notReporter() {
        return new ProblemException.Forbidden("GRV-004", "仅诉求人可操作", "Only the resident who filed the grievance "
                + "may do this.");
    }

    static ProblemException notRatable(String caseNumber) {
        return new ProblemException.Conflict("GRV-005", "当前不可评价", "Grievance " + caseNumber
                + " is not waiting for a rating.");
    }

    static ProblemException unknownPlace(String detail) {
        return new ProblemException.Invalid("GRV-006", "地点无效", detail);
    }

    static ProblemException missingReporter() {
        return new ProblemException.Invalid("GRV-008", "缺少诉求人", "A grievance filed for someone else needs the "
                + "reporter's user id or phone number.");
    }

    static ProblemException missing(String field) {
        return new ProblemException.Invalid("GRV-009", "缺少必填项", "The " + field + " must not be empty.");
    }

    static ProblemException tooLong(String field, int max) {
        return new ProblemException.Invalid("GRV-010", "内容过长", "The " + field + " may have at most " + max
                + " characters.");
    }

    static ProblemException badPhone() {
        return new ProblemException.Invalid("GRV-011", "电话号码无效", "phone must be an 11-digit mainland mobile number");
    }

    static ProblemException notInCommunity(String communityCode) {
        return new ProblemException.Forbidden("GRV-012", "非本社区工作人员", "Only staff of community " + communityCode
                + " and supervisors may list its grievances.");
    }

    static ProblemException notAPhoto() {
        return new ProblemException.Invalid("GRV-013", "照片格式不支持", "Upload a JPEG, PNG or WebP photo; the file's "
                + "content is none of these, whatever its name or declared type.");
    }

    static ProblemException photoTooLarge(long size, long max) {
        return new ProblemException.TooLarge("GRV-014", "照片太大", "The photo has " + size + " bytes; at most " + max
                + " are accepted. Take it at a lower resolution, or send a smaller copy.");
    }

    static ProblemException photoNotFound(String detail) {
        return new ProblemException.NotFound("GRV-015", "照片不存在", detail);
    }

    static ProblemException notWorkingOnCase(String caseNumber) {
        return new ProblemException.Forbidden("GRV-016", "无权查看该诉求的照片", "Only the reporter and staff working on "
                + caseNumber + " (its community, its street, its handler) see its photos.");
    }

    static ProblemException tooManyPhotos(int max) {
        return new ProblemException.Invalid("GRV-017", "照片数量超出上限", "At most " + max + " photos are accepted here.");
    }
}
