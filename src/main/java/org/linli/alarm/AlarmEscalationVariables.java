package org.linli.alarm;

/** Names of the process variables of {@code alarm-escalation}, in one place for Java, BPMN and forms. */
final class AlarmEscalationVariables {

    // set when the alarm starts (AlarmCases)
    static final String DEVICE_ID = "deviceId";
    static final String ALARM_TYPE = "alarmType";
    static final String ALARM_TYPE_NAME = "alarmTypeName";
    /** what case search finds the alarm by (docs/tracking.md): type and place in words */
    static final String TITLE = "title";
    static final String REPORTED_SEVERITY = "reportedSeverity";
    static final String COMMUNITY_CODE = "communityCode";
    static final String STREET_CODE = "streetCode";
    static final String GRID_CODE = "gridCode";
    static final String DEVICE_LOCATION = "deviceLocation";
    static final String EVENT_COUNT = "eventCount";
    static final String LAST_EVENT_ID = "lastEventId";
    static final String LAST_EVENT_AT = "lastEventAt";
    // transient: read by the severity decision only (its history records them)
    static final String LOCATION_KIND = "locationKind";
    static final String OCCUPANTS = "occupants";
    // passed transient with SensorAlarmRepeated: how many events this correlation carries
    static final String REPEAT_COUNT = "repeatCount";
    // passed with SensorCleared
    static final String CLEARED_AT = "clearedAt";

    // decisions (output mappings of the two business rule tasks)
    static final String SEVERITY_LEVEL = "severityLevel";
    static final String SEVERITY_LABEL = "severityLabel";
    /** the chain's name, alarm-severity's answer and alarm-escalation-chain's input */
    static final String CHAIN = "chain";
    static final String NEEDS_CHECK_ON_CLEAR = "needsCheckOnClear";
    /** the chain's levels as text ({@link EscalationChain}) */
    static final String ESCALATION_CHAIN = "escalationChain";

    // escalation (AlarmEscalation)
    static final String ESCALATION_LEVEL = "escalationLevel";
    static final String ACK_GROUP = "ackGroup";
    static final String ACK_TIMEOUT = "ackTimeout";
    static final String LAST_LEVEL_REMINDERS = "lastLevelReminders";

    // acknowledgement and outcome (forms, RecordAcknowledgementListener)
    static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    static final String ACKNOWLEDGED_LEVEL = "acknowledgedLevel";
    static final String OUTCOME = "outcome";

    private AlarmEscalationVariables() {
    }
}
