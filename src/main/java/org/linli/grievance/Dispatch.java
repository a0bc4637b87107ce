package org.linli.grievance;

import java.util.Date;

/**
 * A case dispatched to its handler: the dates the process's timers and the handler's task need, and the
 * same deadline and handler in the words the forms show (Shanghai time, the group's Chinese name).
 */
public record Dispatch(Date dueAt, Date remindAt, String dueText, String handlerName) {
}
