package org.linli.deliberation;

import java.util.Arrays;
import java.util.List;

/** The options of a round: from a form (one per line) or the API; two to ten distinct labels. */
final class RoundOptions {

    static final int MAX_OPTIONS = 10;
    static final int MAX_LABEL = 200;

    private RoundOptions() {
    }

    static List<String> parse(String lines) {
        return check(lines == null ? List.of() : Arrays.asList(lines.split("\\R")));
    }

    static List<String> check(List<String> options) {
        List<String> clean = options == null ? List.of()
                : options.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).distinct().toList();
        if (clean.size() < 2 || clean.size() > MAX_OPTIONS) {
            throw DeliberationProblems.invalid("A round needs 2 to " + MAX_OPTIONS + " distinct options.");
        }
        if (clean.stream().anyMatch(o -> o.length() > MAX_LABEL)) {
            throw DeliberationProblems.tooLong("option", MAX_LABEL);
        }
        return clean;
    }

    static String lines(List<String> options) {
        return String.join("\n", options);
    }
}
