package org.linli.tracking;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.linli.basedata.Masking;

/**
 * The searchable text of a case. Residents type phone and id-card numbers into descriptions; they are masked
 * before the text leaves the database (138****5678, 1101**********1234).
 */
final class FreeText {

    private FreeText() {
    }

    static String of(String... parts) {
        String joined = Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : mask(joined);
    }

    static String mask(String text) {
        return Masking.freeText(text);
    }
}
