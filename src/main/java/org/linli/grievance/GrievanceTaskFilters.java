package org.linli.grievance;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Saved Tasklist filters for grievance work, created once at start-up: my groups' open cases, overdue,
 * due today. Their queries are expressions, so each user sees their own groups and today's date.
 */
@Component
class GrievanceTaskFilters implements ApplicationRunner {

    static final String MY_GROUPS = "我组的诉求待办";
    static final String OVERDUE = "已超期诉求";
    static final String DUE_TODAY = "今日到期诉求";

    /** What each task card shows, so that clerks can tell cases apart in the list. */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", GrievanceHandlingVariables.CASE_NUMBER, "label", "诉求编号"),
            Map.of("name", GrievanceHandlingVariables.ADDRESS, "label", "地址"),
            Map.of("name", GrievanceHandlingVariables.CATEGORY, "label", "类别"));

    private final FilterService filterService;
    private final TaskService taskService;

    GrievanceTaskFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MY_GROUPS, "我所在组可认领或已分配给我的民生诉求任务", -10, "#3c78b5",
                grievanceTasks().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure(OVERDUE, "已过办理时限的民生诉求任务", -9, "#c0392b",
                grievanceTasks().dueBeforeExpression("${now()}"));
        ensure(DUE_TODAY, "今天到期的民生诉求任务", -8, "#e67e22",
                grievanceTasks().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}"));
    }

    private TaskQuery grievanceTasks() {
        return taskService.createTaskQuery().processDefinitionKey(GrievanceHandlingVariables.PROCESS_ID);
    }

    /** Creates the filter, or brings an existing one of that name up to date. */
    private void ensure(String name, String description, int priority, String color, TaskQuery query) {
        Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of("description", description, "priority", priority, "color", color,
                "refresh", true, "variables", CARD_VARIABLES));
        filterService.saveFilter(filter);
    }
}
