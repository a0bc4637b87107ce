package org.linli.grievance;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.linli.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What residents (and staff) add to a running case: ratings and comments. */
@Service
public class GrievanceFeedback {

    static final String RATE_TASK = "Task_RateHandling";

    private final GrievanceCaseRepository cases;
    private final CaseEventRepository events;
    private final TaskService taskService;
    private final GrievanceProperties properties;
    private final Clock clock;

    GrievanceFeedback(GrievanceCaseRepository cases, CaseEventRepository events, TaskService taskService,
            GrievanceProperties properties, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.taskService = taskService;
        this.properties = properties;
        this.clock = clock;
    }

    /** The reporter rates the handling; completes their rating task, which records it and decides what next. */
    @Transactional
    public void rate(RateGrievanceCommand command, CurrentUser user) {
        GrievanceCase grievance = cases.load(command.caseNumber());
        grievance.ensureOpen();
        if (!user.id().equals(grievance.reporterUserId())) {
            // staff learn why; other residents must not learn that the case exists
            throw user.isStaff() ? GrievanceProblems.notReporter() : GrievanceProblems.caseNotFound(command.caseNumber());
        }
        checkLength("comment", command.comment());
        Task task = taskService.createTaskQuery().processInstanceId(grievance.processInstanceId())
                .taskDefinitionKey(RATE_TASK).singleResult();
        if (task == null) {
            throw GrievanceProblems.notRatable(command.caseNumber());
        }
        taskService.complete(task.getId(), Map.of(
                GrievanceHandlingVariables.RATING, command.rating(),
                GrievanceHandlingVariables.SOLVED, command.solved(),
                GrievanceHandlingVariables.RATING_COMMENT, command.comment() == null ? "" : command.comment()));
    }

    /** Adds a comment to the timeline: the reporter's shows to staff, staff may mark theirs internal. */
    @Transactional
    public void comment(String caseNumber, String text, boolean internal, CurrentUser user) {
        GrievanceCase grievance = cases.load(caseNumber);
        grievance.ensureOpen();
        boolean reporter = user.id().equals(grievance.reporterUserId());
        if (!reporter && !user.isStaff()) {
            throw GrievanceProblems.caseNotFound(caseNumber);
        }
        checkLength("comment", text);
        boolean visible = reporter || !internal;
        events.append(new CaseEvent(null, caseNumber, clock.instant(), "COMMENT", user.id(), text.strip(), visible));
    }

    private void checkLength(String field, String text) {
        if (text != null && text.length() > properties.maxTextLength()) {
            throw GrievanceProblems.tooLong(field, properties.maxTextLength());
        }
    }


    public record RateGrievanceCommand(String caseNumber, int rating, boolean solved, String comment) {
    }
}
