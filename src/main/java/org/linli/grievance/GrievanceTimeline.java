package org.linli.grievance;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who did which step of a case: one staff-only timeline line per completed task. */
@Service
public class GrievanceTimeline {

    static final String TASK_COMPLETED = "TASK";

    private final CaseEventRepository events;
    private final Clock clock;

    GrievanceTimeline(CaseEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void taskCompleted(String caseNumber, String taskName, String actor) {
        events.append(CaseEvent.internal(caseNumber, clock.instant(), TASK_COMPLETED, actor, "完成「" + taskName + "」"));
    }
}
