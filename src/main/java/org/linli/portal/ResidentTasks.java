package org.linli.portal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.linli.eligibility.MatchView;
import org.linli.eligibility.PolicyOutreach;
import org.linli.eligibility.PolicyOutreach.AnswerOfferCommand;
import org.linli.eligibility.PolicyOutreachVariables;
import org.linli.grievance.GrievanceFeedback;
import org.linli.grievance.GrievanceFeedback.RateGrievanceCommand;
import org.linli.security.AsSystem;
import org.linli.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * A resident's own user tasks: which are open, the deployed Camunda Form of one with the values it shows, and its
 * completion through the feature service that owns the step (which checks the rules of that step again). A task
 * is the resident's when it is assigned to them or, for an offer, when the offer is theirs; any other task id
 * answers "not found", so that residents never learn about other people's tasks.
 */
@Service
class ResidentTasks {

    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final AsSystem asSystem;
    private final GrievanceFeedback grievanceFeedback;
    private final PolicyOutreach policyOutreach;
    private final FormData formData;
    private final ObjectMapper json;

    ResidentTasks(TaskService taskService, FormService formService, RepositoryService repositoryService,
            RuntimeService runtimeService, AsSystem asSystem, GrievanceFeedback grievanceFeedback, PolicyOutreach policyOutreach,
            FormData formData, ObjectMapper json) {
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.asSystem = asSystem;
        this.grievanceFeedback = grievanceFeedback;
        this.policyOutreach = policyOutreach;
        this.formData = formData;
        this.json = json;
    }

    record TaskCard(String id, String kind, String name, String reference, Instant createdAt) {
    }

    /** The task's form (the deployed .form file, as Tasklist shows it) and the values its fields and texts show. */
    record TaskForm(String id, String kind, String name, String reference, JsonNode schema, Map<String, Object> data) {
    }

    /** Open tasks of the resident the portal can complete, oldest first. */
    List<TaskCard> open(CurrentUser user) {
        List<String> offerInstances = policyOutreach.offersOf(user).stream().map(MatchView::processInstanceId)
                .filter(Objects::nonNull).toList();
        return asSystem.call(() -> taskService.createTaskQuery().taskDefinitionKeyIn(ResidentTaskKind.taskKeys()).active()
                .or().taskAssignee(user.id()).processInstanceIdIn(offerInstances.isEmpty()
                        ? new String[] {"-"} : offerInstances.toArray(String[]::new)).endOr()
                .orderByTaskCreateTime().asc().list()).stream()
                .flatMap(task -> kindOf(task).map(kind -> card(task, kind)).stream())
                .toList();
    }

    TaskForm form(String taskId, CurrentUser user) {
        Task task = owned(taskId, user);
        ResidentTaskKind kind = kindOf(task).orElseThrow();
        JsonNode schema = asSystem.call(() -> {
            try (InputStream form = formService.getDeployedTaskForm(taskId)) {
                return json.readTree(form);
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable form of task " + taskId, e);
            }
        });
        Map<String, Object> values = asSystem.call(() -> taskService.getVariables(taskId, formData.namesIn(schema)));
        return new TaskForm(task.getId(), kind.name(), task.getName(), reference(task), schema, values);
    }

    /** Completes the task with the submitted form data; answers what the resident sees next. */
    Map<String, Object> submit(String taskId, Map<String, Object> data, CurrentUser user) {
        Task task = owned(taskId, user);
        String reference = reference(task);
        switch (kindOf(task).orElseThrow()) {
            case RATE_GRIEVANCE -> {
                FormData.Rating rating = formData.read(data, FormData.Rating.class);
                grievanceFeedback.rate(new RateGrievanceCommand(reference, rating.rating(), rating.solvedOrFalse(),
                        rating.ratingComment()), user);
            }
            case ANSWER_OFFER -> {
                FormData.OfferAnswer answer = formData.read(data, FormData.OfferAnswer.class);
                long matchId = ((Number) asSystem.call(() -> taskService.getVariable(taskId,
                        PolicyOutreachVariables.MATCH_ID))).longValue();
                policyOutreach.answer(new AnswerOfferCommand(matchId, answer.answer(), null), user);
            }
        }
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("taskId", taskId);
        done.put("reference", reference);
        done.put("completed", true);
        return done;
    }

    private Task owned(String taskId, CurrentUser user) {
        Task task = asSystem.call(() -> taskService.createTaskQuery().taskId(taskId).active().singleResult());
        if (task == null || kindOf(task).isEmpty() || !belongsTo(task, user)) {
            throw PortalProblems.taskNotFound(taskId);
        }
        return task;
    }

    private boolean belongsTo(Task task, CurrentUser user) {
        if (user.id().equals(task.getAssignee())) {
            return true;
        }
        return kindOf(task).orElseThrow() == ResidentTaskKind.ANSWER_OFFER && policyOutreach.offersOf(user).stream()
                .anyMatch(offer -> task.getProcessInstanceId().equals(offer.processInstanceId()));
    }

    private Optional<ResidentTaskKind> kindOf(Task task) {
        String processKey = asSystem.call(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId())
                .getKey());
        return ResidentTaskKind.of(processKey, task.getTaskDefinitionKey());
    }

    private TaskCard card(Task task, ResidentTaskKind kind) {
        return new TaskCard(task.getId(), kind.name(), task.getName(), reference(task),
                task.getCreateTime().toInstant());
    }

    /** The case number or offer key the task belongs to (its process instance's business key). */
    private String reference(Task task) {
        return asSystem.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    }

    /**
     * Engine reads and writes whose access the portal checked itself: a resident may not read process definitions
     * or deployed forms in the engine's own authorizations.
     */
}
