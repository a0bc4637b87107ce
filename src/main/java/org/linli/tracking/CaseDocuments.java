package org.linli.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.linli.basedata.PlaceHierarchy;
import org.springframework.stereotype.Component;

/**
 * Builds case documents from the engine's history (and, for open tasks' candidate groups, its runtime;
 * see {@link OpenCaseState}). The
 * mapping is generic: the process definition key is the family, and family-specific fields come from process
 * variables named by convention (docs/tracking.md). Only the variables named here are read, so personal
 * variables of any family never reach the index.
 */
@Component
class CaseDocuments {

    /** Role groups give no access to a case by themselves: only organisation and department groups do. */
    private static final Set<String> ROLE_GROUPS = Set.of("clerks", "grid-workers", "departments", "supervisors",
            "residents", "camunda-admin");
    private static final Set<String> STEP_TYPES = Set.of("userTask", "receiveTask", "intermediateMessageCatch",
            "intermediateTimer", "intermediateSignalCatch", "eventBasedGateway", "serviceTask", "callActivity",
            "manualTask", "intermediateConditional", "businessRuleTask", "sendTask", "scriptTask");

    private final HistoryService historyService;
    private final OpenCaseState openCases;
    private final TrackingProperties properties;
    private final PlaceHierarchy hierarchy;

    CaseDocuments(HistoryService historyService, OpenCaseState openCases, TrackingProperties properties,
            PlaceHierarchy hierarchy) {
        this.historyService = historyService;
        this.openCases = openCases;
        this.properties = properties;
        this.hierarchy = hierarchy;
    }

    /** The documents of these process instances; ids without history (deleted meanwhile) are left out. */
    List<CaseDocument> build(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.copyOf(processInstanceIds)).list();
        return build(instances, Instant.now());
    }

    /** The documents of these historic instances (one page of a reindex, or the instances of one drain). */
    List<CaseDocument> build(List<HistoricProcessInstance> instances, Instant now) {
        if (instances.isEmpty()) {
            return List.of();
        }
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids).variableNameIn(Conventions.NAMES).disableCustomObjectDeserialization()
                .list()) {
            Object value = variable.getValue();
            if (value != null) {
                variables.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
                        .putIfAbsent(variable.getName(), value);
            }
        }
        Map<String, OpenCaseState.State> openStates = openCases.of(instances.stream()
                .filter(instance -> instance.getEndTime() == null).map(HistoricProcessInstance::getId).toList());
        List<CaseDocument> documents = new ArrayList<>(instances.size());
        for (HistoricProcessInstance instance : instances) {
            documents.add(document(instance, variables.getOrDefault(instance.getId(), Map.of()),
                    openStates.getOrDefault(instance.getId(), new OpenCaseState.State()), now));
        }
        return documents;
    }

    private CaseDocument document(HistoricProcessInstance instance, Map<String, Object> vars,
            OpenCaseState.State state, Instant now) {
        Conventions c = new Conventions(vars);
        boolean open = instance.getEndTime() == null;
        List<String> steps = new ArrayList<>();
        List<String> stepIds = new ArrayList<>();
        for (OpenCaseState.Step step : state.steps) {
            if (STEP_TYPES.contains(step.type())) {
                steps.add(step.name() == null ? step.activityId() : step.name());
                stepIds.add(step.activityId());
            }
        }
        List<String> assignees = state.assignees;
        Set<String> candidateGroups = state.candidateGroups;
        int incidents = state.incidents;
        Instant created = instant(instance.getStartTime());
        Instant closed = instant(instance.getEndTime());
        Instant due = c.instant("dueAt", "dueDate");
        Instant atRisk = due == null || created == null || due.isBefore(created) ? null
                : due.minus(Duration.ofMillis((long) (Duration.between(created, due).toMillis()
                        * properties.atRiskShare())));
        String gridCode = c.code("gridCode", "gridGroup", "grid-");
        String communityCode = c.code("communityCode", "communityGroup", "community-");
        if (communityCode == null) {
            communityCode = hierarchy.communityOfGrid(gridCode).orElse(null);
        }
        String streetCode = c.code("streetCode", "supervisorGroup", "street-");
        if (streetCode == null) {
            streetCode = hierarchy.streetOf(communityCode).orElse(null);
        }
        String handlerGroup = c.string("handlerGroup");
        Instant acknowledged = c.instant("acknowledgedAt");
        String reporter = c.string("reporterUserId");
        if (reporter == null) {
            reporter = c.string("residentUserId");
        }
        if (reporter == null) {
            reporter = instance.getStartUserId();
        }
        Set<String> access = new LinkedHashSet<>();
        addGroup(access, communityCode == null ? null : "community-" + communityCode);
        addGroup(access, gridCode == null ? null : "grid-" + gridCode);
        addGroup(access, streetCode == null ? null : "street-" + streetCode);
        addGroup(access, c.string("communityGroup"));
        addGroup(access, c.string("supervisorGroup"));
        addGroup(access, handlerGroup);
        candidateGroups.forEach(g -> addGroup(access, g));
        String familyName = instance.getProcessDefinitionName();
        String caseNumber = c.string("caseNumber");
        if (caseNumber == null) {
            caseNumber = instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId();
        }
        CaseDocument document = new CaseDocument(
                instance.getId(),
                caseNumber,
                instance.getProcessDefinitionKey(),
                familyName,
                instance.getState(),
                open,
                steps,
                stepIds,
                assignees,
                List.copyOf(candidateGroups),
                communityCode,
                gridCode,
                streetCode,
                FreeText.mask(c.string("address")),
                c.string("category"),
                c.string("subCategory"),
                c.string("channel"),
                c.string("urgency"),
                handlerGroup,
                created,
                due,
                atRisk,
                closed,
                null,
                c.integer("escalationLevel"),
                c.integer("satisfaction", "rating"),
                c.bool("solved"),
                c.string("alarmType", "deviceType"),
                acknowledged,
                acknowledged == null || created == null ? null
                        : Duration.between(created, acknowledged).toSeconds(),
                c.integer("participants", "participantCount"),
                incidents,
                reporter,
                List.copyOf(access),
                FreeText.of(caseNumber, familyName, c.string("category"), c.string("subCategory"),
                        c.string("title", "topic"), c.string("description"), c.string("address"),
                        String.join(" ", steps)));
        return document.asOf(now);
    }

    private static void addGroup(Set<String> groups, String group) {
        if (group != null && !group.isBlank() && !ROLE_GROUPS.contains(group)) {
            groups.add(group);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Family-specific variables by name; the first name present wins. */
    static final class Conventions {

        static final String[] NAMES = {"caseNumber", "communityCode", "communityGroup", "gridCode", "gridGroup",
            "streetCode", "supervisorGroup", "handlerGroup", "address", "category", "subCategory", "channel",
            "urgency", "dueAt", "dueDate", "escalationLevel", "satisfaction", "rating", "solved", "alarmType",
            "deviceType", "acknowledgedAt", "participants", "participantCount", "reporterUserId",
            "residentUserId", "title", "topic", "description"};

        private final Map<String, Object> values;

        Conventions(Map<String, Object> values) {
            this.values = values;
        }

        private Object first(String... names) {
            for (String name : names) {
                Object value = values.get(name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        String string(String... names) {
            Object value = first(names);
            return value == null ? null : value.toString();
        }

        /** A code from its own variable, or from a group variable by stripping the group prefix. */
        String code(String codeName, String groupName, String prefix) {
            String code = string(codeName);
            if (code != null) {
                return code;
            }
            String group = string(groupName);
            return group != null && group.startsWith(prefix) ? group.substring(prefix.length()) : null;
        }

        Integer integer(String... names) {
            Object value = first(names);
            if (value instanceof Number number) {
                return number.intValue();
            }
            try {
                return value == null ? null : Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        Boolean bool(String... names) {
            Object value = first(names);
            return value instanceof Boolean b ? b : value == null ? null : Boolean.valueOf(value.toString());
        }

        Instant instant(String... names) {
            Object value = first(names);
            if (value instanceof Date date) {
                return date.toInstant();
            }
            if (value instanceof Instant instant) {
                return instant;
            }
            try {
                return value == null ? null : Instant.parse(value.toString());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
