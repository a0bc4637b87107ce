package org.linli.audit;

/**
 * One thing that happened to an object, as a feature reports it to {@link AuditLog}. The actor, channel and time
 * are added by the log unless given; {@code onBehalfOf} names the resident a clerk acted for (代办).
 *
 * @param action     what was done, {@code <object>.<verb>} in English, e.g. {@code case.created}, {@code vote.cast}
 * @param objectType the kind of object, e.g. a process key, {@code resident}, {@code offer}
 * @param objectId   its id (a case number, a resident id...), never personal data
 * @param community  the community code the object belongs to, if any: it decides who may read the entry
 * @param detail     which part of the object (a task, a variable, a field), if any
 * @param reason     why, where a reason is required (an override, assisted filing with consent)
 */
public record AuditEvent(String action, String objectType, String objectId, String community, String detail,
        String reason, String onBehalfOf, String channel, String actor) {

    public static AuditEvent of(String action, String objectType, Object objectId, String community) {
        return new AuditEvent(action, objectType, String.valueOf(objectId), community, null, null, null, null, null);
    }

    public AuditEvent detail(String what) {
        return new AuditEvent(action, objectType, objectId, community, what, reason, onBehalfOf, channel, actor);
    }

    public AuditEvent because(String why) {
        return new AuditEvent(action, objectType, objectId, community, detail, why, onBehalfOf, channel, actor);
    }

    /** A clerk acted for a resident (代办), who consented; {@code by} is the channel (counter, hotline...). */
    public AuditEvent onBehalfOf(String residentUserId, String by) {
        return new AuditEvent(action, objectType, objectId, community, detail, reason, residentUserId, by, actor);
    }

    /** Names the actor explicitly (e.g. the engine's authenticated user); otherwise the log takes the API caller. */
    public AuditEvent by(String userId) {
        return new AuditEvent(action, objectType, objectId, community, detail, reason, onBehalfOf, channel, userId);
    }
}
