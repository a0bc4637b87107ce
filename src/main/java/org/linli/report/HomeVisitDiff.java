package org.linli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a home visit found that base data does not say: a new phone number, the person moved out, a new or changed
 * disability certificate. Fields the visitor left empty mean "not checked", never "removed".
 */
final class HomeVisitDiff {

    private HomeVisitDiff() {
    }

    static List<Change> between(OnRecord record, Observed observed) {
        List<Change> changes = new ArrayList<>();
        String phone = normalise(observed.phone());
        if (phone != null && !phone.equals(normalise(record.phone()))) {
            changes.add(new Change(Kind.PHONE, record.phone(), phone));
        }
        if (Boolean.TRUE.equals(observed.movedOut()) && !record.departed()) {
            changes.add(new Change(Kind.MOVED_OUT, null, observed.movedOutOn() == null ? null
                    : observed.movedOutOn().toString()));
        }
        if (observed.disabilityLevel() != null && observed.disabilityLevel() != record.disabilityLevel()) {
            changes.add(new Change(Kind.DISABILITY, String.valueOf(record.disabilityLevel()),
                    String.valueOf(observed.disabilityLevel())));
        }
        return changes;
    }

    private static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return digits.isEmpty() ? null : digits;
    }

    enum Kind {
        PHONE, MOVED_OUT, DISABILITY
    }

    /** What base data says about the resident. */
    record OnRecord(String phone, int disabilityLevel, boolean departed) {
    }

    /** What the visitor saw; null = not checked. */
    record Observed(String phone, Boolean movedOut, java.time.LocalDate movedOutOn, Integer disabilityLevel) {
    }

    record Change(Kind kind, String oldValue, String newValue) {
    }
}
