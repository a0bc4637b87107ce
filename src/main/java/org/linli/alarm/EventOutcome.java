package org.linli.alarm;

/** What ingestion did with an accepted device event (alm_device_event.outcome). */
public enum EventOutcome {
    /** opened a new alarm case */
    STARTED,
    /** counted on the open alarm of the same device and type */
    CORRELATED,
    /** ended the device's open alarms */
    CLEARED,
    /** a heartbeat: liveness updated, no case */
    HEARTBEAT,
    /** nothing to do: a cleared event while no alarm is open, or an offline alarm already open */
    IGNORED,
    /** a redelivery of an event id seen before: acknowledged, changed nothing */
    DUPLICATE,
    /** processing failed repeatedly: kept here and sent to the dead-letter topic */
    FAILED
}
