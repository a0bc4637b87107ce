package org.linli.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.security.EngineActors;
import org.springframework.stereotype.Component;

/** Applies the changes the community ticked; the others are rejected. */
@Component
class ConfirmHomeVisitDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HomeVisits visits;
    private final EngineActors actors;

    ConfirmHomeVisitDelegate(HomeVisits visits, EngineActors actors) {
        this.visits = visits;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        visits.confirm(((Number) execution.getVariable(HomeVisitVariables.VISIT_ID)).longValue(),
                ids(execution.getVariable(HomeVisitVariables.ACCEPTED_CHANGES)), actors.currentOrSystem());
    }

    /** Tasklist sends the checklist as a JSON array; the REST API or a test as a list. */
    static List<String> ids(Object value) throws JsonProcessingException {
        List<String> ids = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> ids.add(String.valueOf(v)));
        } else if (value != null) {
            for (JsonNode node : JSON.readTree(value.toString())) {
                ids.add(node.asText());
            }
        }
        return ids;
    }
}
