package org.linli.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What open cases are waiting on right now: their unfinished steps, the assignees and candidate groups of their
 * open tasks and their open incidents, read for many process instances at once. The engine's query API asks per
 * instance (and per task for candidate groups), which made the indexer's drain the tracking lag's limit
 * (docs/performance.md); these are three read-only queries per chunk of instances on the engine's history and
 * identity-link tables.
 */
@Component
class OpenCaseState {

    /** Ids per IN list: well below every database's parameter limit. */
    private static final int CHUNK = 1_000;

    private static final String STEPS = """
            SELECT PROC_INST_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_ FROM ACT_HI_ACTINST
             WHERE END_TIME_ IS NULL AND PROC_INST_ID_ IN (:ids)
             ORDER BY START_TIME_, SEQUENCE_COUNTER_""";
    private static final String TASKS = """
            SELECT t.PROC_INST_ID_, t.ID_, t.ASSIGNEE_, l.GROUP_ID_ FROM ACT_HI_TASKINST t
              LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'
             WHERE t.END_TIME_ IS NULL AND t.PROC_INST_ID_ IN (:ids)
             ORDER BY t.START_TIME_, t.ID_""";
    /** Incident state 0 is open (1 resolved, 2 deleted). */
    private static final String INCIDENTS = """
            SELECT PROC_INST_ID_, COUNT(*) FROM ACT_HI_INCIDENT
             WHERE INCIDENT_STATE_ = 0 AND PROC_INST_ID_ IN (:ids) GROUP BY PROC_INST_ID_""";

    private final NamedParameterJdbcTemplate jdbc;

    OpenCaseState(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of each of these open instances; an instance with nothing open is absent. */
    Map<String, State> of(Collection<String> processInstanceIds) {
        Map<String, State> states = new HashMap<>();
        List<String> ids = List.copyOf(processInstanceIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Map<String, Object> chunk = Map.of("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())));
            jdbc.query(STEPS, chunk, rs -> {
                state(states, rs.getString(1)).steps.add(new Step(rs.getString(2), rs.getString(3), rs.getString(4)));
            });
            Set<String> tasksSeen = new HashSet<>();
            jdbc.query(TASKS, chunk, rs -> {
                State state = state(states, rs.getString(1));
                String assignee = rs.getString(3);
                if (tasksSeen.add(rs.getString(2)) && assignee != null) {
                    state.assignees.add(assignee);
                }
                String group = rs.getString(4);
                if (group != null) {
                    state.candidateGroups.add(group);
                }
            });
            jdbc.query(INCIDENTS, chunk, rs -> {
                state(states, rs.getString(1)).incidents = rs.getInt(2);
            });
        }
        return states;
    }

    private static State state(Map<String, State> states, String processInstanceId) {
        return states.computeIfAbsent(processInstanceId, id -> new State());
    }

    /** An unfinished activity: its id, Chinese name (may be null) and BPMN type as the engine records it. */
    record Step(String activityId, String name, String type) {
    }

    static final class State {

        final List<Step> steps = new ArrayList<>();
        final List<String> assignees = new ArrayList<>();
        final Set<String> candidateGroups = new LinkedHashSet<>();
        int incidents;
    }
}
