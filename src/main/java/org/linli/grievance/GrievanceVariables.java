package org.linli.grievance;

import static org.linli.grievance.GrievanceHandlingVariables.ADDRESS;
import static org.linli.grievance.GrievanceHandlingVariables.ADDRESS_ID;
import static org.linli.grievance.GrievanceHandlingVariables.CATEGORY;
import static org.linli.grievance.GrievanceHandlingVariables.CHANNEL;
import static org.linli.grievance.GrievanceHandlingVariables.COMMUNITY_CODE;
import static org.linli.grievance.GrievanceHandlingVariables.DESCRIPTION;
import static org.linli.grievance.GrievanceHandlingVariables.INITIATOR;
import static org.linli.grievance.GrievanceHandlingVariables.REPORTER_NAME;
import static org.linli.grievance.GrievanceHandlingVariables.REPORTER_PHONE;
import static org.linli.grievance.GrievanceHandlingVariables.REPORTER_USER_ID;
import static org.linli.grievance.GrievanceHandlingVariables.SUB_CATEGORY;
import static org.linli.grievance.GrievanceHandlingVariables.URGENCY;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;

/** The intake of a grievance as process variables, both ways. */
final class GrievanceVariables {

    private GrievanceVariables() {
    }

    static Map<String, Object> of(FileGrievanceCommand command) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CHANNEL, command.channel().name());
        variables.put(REPORTER_USER_ID, command.reporterUserId());
        variables.put(REPORTER_NAME, command.reporterName());
        variables.put(REPORTER_PHONE, command.reporterPhone());
        variables.put(INITIATOR, command.filedBy());
        variables.put(CATEGORY, command.category());
        variables.put(SUB_CATEGORY, command.subCategory());
        variables.put(URGENCY, command.urgency().name());
        variables.put(DESCRIPTION, command.description());
        variables.put(COMMUNITY_CODE, command.communityCode());
        variables.put(ADDRESS_ID, command.addressId());
        variables.put(ADDRESS, command.addressText());
        return variables;
    }

    /**
     * The intake as a command. A start from Tasklist's hotline form brings only what the form asks for:
     * the channel defaults to the hotline and the community to the clerk's own.
     */
    static FileGrievanceCommand command(VariableScope scope) {
        String channel = (String) scope.getVariable(CHANNEL);
        String urgency = (String) scope.getVariable(URGENCY);
        Object addressId = scope.getVariable(ADDRESS_ID);
        return new FileGrievanceCommand(
                channel == null ? Channel.HOTLINE : Channel.valueOf(channel),
                (String) scope.getVariable(REPORTER_USER_ID),
                (String) scope.getVariable(REPORTER_NAME),
                (String) scope.getVariable(REPORTER_PHONE),
                (String) scope.getVariable(INITIATOR),
                (String) scope.getVariable(CATEGORY),
                (String) scope.getVariable(SUB_CATEGORY),
                urgency == null ? Urgency.NORMAL : Urgency.valueOf(urgency),
                (String) scope.getVariable(DESCRIPTION),
                (String) scope.getVariable(COMMUNITY_CODE),
                addressId == null ? null : ((Number) addressId).longValue(),
                (String) scope.getVariable(ADDRESS));
    }
}
