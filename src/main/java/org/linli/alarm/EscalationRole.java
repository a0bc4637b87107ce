package org.linli.alarm;

import java.util.Arrays;

import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;

/**
 * The roles an escalation chain (dmn/alarm-escalation-chain) names, and the candidate group each becomes for one
 * device: the grid of the device, its community, its street, or the property managers.
 */
enum EscalationRole {
    GRID_WORKER("grid-worker"), COMMUNITY_DUTY("community-duty"), STREET_EMERGENCY("street-emergency"),
    PROPERTY("property");

    static final String PROPERTY_MANAGERS = "property-managers";

    private final String code;

    EscalationRole(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static EscalationRole of(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The escalation chain names an unknown role: " + code));
    }

    /** A device without a grid escalates grid work to its community. */
    String groupFor(String communityCode, String streetCode, String gridCode) {
        switch (this) {
            case GRID_WORKER:
                return gridCode != null ? LinliGroups.orgGroup(OrgLevel.GRID, gridCode)
                        : LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode);
            case COMMUNITY_DUTY:
                return LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode);
            case STREET_EMERGENCY:
                return LinliGroups.orgGroup(OrgLevel.STREET, streetCode);
            default:
                return PROPERTY_MANAGERS;
        }
    }
}
