package org.linli.alarm;

import java.util.List;


/**
 * Published after a batch of device events committed, before the broker is acknowledged: what tests, metrics and
 * the benchmark observe.
 */
public record DeviceEventsCommitted(List<RecordedEvent> events) {
}
