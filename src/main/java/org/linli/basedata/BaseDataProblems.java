package org.linli.basedata;

import org.linli.web.ProblemException;

/** The base data store's problems, each with its stable code (docs/problems.md). */
final class BaseDataProblems {

    private BaseDataProblems() {
    }

    static ProblemException unknownPlace(String kind, String code) {
        return new ProblemException.Invalid("BD-001", "地点不存在", "Unknown " + kind + ": " + code);
    }

    static ProblemException duplicatePlace(String kind, String code) {
        return new ProblemException.Conflict("BD-002", "地点已存在", kind + " already exists: " + code);
    }

    static ProblemException badIdCard(String reason) {
        return new ProblemException.Invalid("BD-003", "身份证号码无效", reason);
    }

    static ProblemException duplicateResident() {
        return new ProblemException.Conflict("BD-004", "居民已登记",
                "A resident with this id-card number is already registered.");
    }

    static ProblemException residentNotFound(long id) {
        return new ProblemException.NotFound("BD-005", "居民不存在", "No resident with id " + id);
    }

    static ProblemException accountTaken(String userId) {
        return new ProblemException.Conflict("BD-023", "账号已关联其他居民",
                "The login " + userId + " already belongs to another resident; unlink it there first.");
    }

    static ProblemException residentNotFoundByIdCard() {
        return new ProblemException.NotFound("BD-005", "居民不存在", "No resident with this id-card number.");
    }

    static ProblemException unknownHousehold(long id) {
        return new ProblemException.Invalid("BD-006", "户不存在", "Unknown household: " + id);
    }

    static ProblemException duplicateHousehold(String householdNo) {
        return new ProblemException.Conflict("BD-007", "户号已存在", "Household number already exists: " + householdNo);
    }

    static ProblemException inconsistentIdCard(String field) {
        return new ProblemException.Invalid("BD-008", "与身份证号码不一致",
                "The " + field + " does not match the id-card number.");
    }

    static ProblemException duplicateDevice(String id) {
        return new ProblemException.Conflict("BD-009", "设备已登记", "Device already registered: " + id);
    }

    static ProblemException duplicateOrganisation() {
        return new ProblemException.Conflict("BD-010", "组织已登记",
                "A social organisation with this credit code is already registered.");
    }

    static ProblemException deviceNotFound(String id) {
        return new ProblemException.NotFound("BD-012", "设备不存在", "No device with id " + id);
    }

    static ProblemException syntheticExists(long seed) {
        return new ProblemException.Conflict("BD-011", "合成数据已存在",
                "Synthetic data for seed " + seed + " already exists in this database.");
    }
}
