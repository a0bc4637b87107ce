package org.linli.alarm;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;

/**
 * The levels of an alarm's escalation chain as {@code dmn/alarm-escalation-chain} lists them, kept in the process as
 * one plain text variable, e.g. {@code grid-worker:10,community-duty:10,street-emergency:30} (role and
 * acknowledgement minutes per level): readable in Cockpit, and no serialized object to write and read back at
 * every level.
 */
record EscalationChain(List<Level> levels) {

    EscalationChain {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("An escalation chain needs at least one level");
        }
        levels = List.copyOf(levels);
    }

    /** The decision's rows, ordered by their {@code level} output. */
    static EscalationChain of(DmnDecisionResult result) {
        return ofRows(result.getResultList());
    }

    /** Rows of {@code level}, {@code role} and {@code ackMinutes}, in any order. */
    static EscalationChain ofRows(List<? extends Map<String, Object>> rows) {
        return new EscalationChain(rows.stream()
                .sorted(Comparator.comparingInt(row -> ((Number) row.get("level")).intValue()))
                .map(row -> new Level(EscalationRole.of((String) row.get("role")),
                        Duration.ofMinutes(((Number) row.get("ackMinutes")).longValue())))
                .toList());
    }

    static EscalationChain parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No escalation chain");
        }
        return new EscalationChain(Arrays.stream(text.split(",")).map(Level::parse).toList());
    }

    String text() {
        return levels.stream().map(Level::text).collect(Collectors.joining(","));
    }

    /** Level {@code n}, counted from 1. */
    Level level(int n) {
        return levels.get(n - 1);
    }

    int size() {
        return levels.size();
    }

    record Level(EscalationRole role, Duration ackTimeout) {

        static Level parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Not an escalation level (role:minutes): " + text);
            }
            return new Level(EscalationRole.of(text.substring(0, colon).strip()),
                    Duration.ofMinutes(Long.parseLong(text.substring(colon + 1).strip())));
        }

        String text() {
            return role.code() + ":" + ackTimeout.toMinutes();
        }
    }
}
