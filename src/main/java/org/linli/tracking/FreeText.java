package org.linli.tracking;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The searchable text of a case. Residents type phone and id-card numbers into descriptions; they are masked
 * before the text leaves the database (138****5678, 110105********1234).
 */
final class FreeText {

    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![\\dXx])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3}-?)\\d{3,4}(\\d{4})(?!\\d)");

    private FreeText() {
    }

    static String of(String... parts) {
        String joined = Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : mask(joined);
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_CARD.matcher(text).replaceAll("$1********$2");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll("$1****$2");
    }
}
