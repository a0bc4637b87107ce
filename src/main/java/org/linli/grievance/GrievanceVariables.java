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

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;

/** The intake of a grievance as process variables, both ways. */
final class GrievanceVariables {

    private GrievanceVariables() {
    }

    /**
     * The variables a grievance starts with. What only the registering step needs (reporter's name and
     * phone, community, address id: all kept in the case row) is transient: it lives for the start
     * transaction and is never written to the engine's tables.
     */
    static VariableMap of(FileGrievanceCommand command) {
        VariableMap variables = Variables.createVariables()
                .putValue(REPORTER_USER_ID, command.reporterUserId())
                .putValue(INITIATOR, command.filedBy())
                .putValue(CATEGORY, command.category())
                .putValue(SUB_CATEGORY, command.subCategory())
                .putValue(URGENCY, command.urgency().name())
                .putValue(DESCRIPTION, command.description())
                .putValue(CHANNEL, command.channel().name());
        putTransient(variables, REPORTER_NAME, command.reporterName());
        putTransient(variables, REPORTER_PHONE, command.reporterPhone());
        putTransient(variables, COMMUNITY_CODE, command.communityCode());
        if (command.addressId() != null) {
            variables.putValueTyped(ADDRESS_ID, Variables.longValue(command.addressId(), true));
        }
        // the verify form shows the address: persistent, and the standard address replaces it on register
        variables.putValue(ADDRESS, command.addressText());
        return variables;
    }

    private static void putTransient(VariableMap variables, String name, String value) {
        if (value != null) {
            variables.putValueTyped(name, Variables.stringValue(value, true));
        }
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
