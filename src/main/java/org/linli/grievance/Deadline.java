package org.linli.grievance;

import java.util.Date;

/** When a dispatched case is due, and when its handler is reminded (75 % of the SLA). */
public record Deadline(Date dueAt, Date remindAt) {
}
