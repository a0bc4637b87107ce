package org.linli.alarm;

import org.linli.web.ProblemException;

/** The alarm feature's problems, each with its stable code (docs/problems.md). */
final class AlarmProblems {

    private AlarmProblems() {
    }

    static ProblemException alarmNotFound(long id) {
        return new ProblemException.NotFound("ALM-001", "告警不存在", "No alarm " + id);
    }

    static ProblemException notInCommunity(String communityCode) {
        return new ProblemException.Forbidden("ALM-002", "无权查看该社区的告警", "Alarms of community "
                + communityCode + " are for its staff, supervisors and administrators.");
    }
}
