package org.linli.basedata;

import java.util.regex.Pattern;

/** How personal data is shown to people who do not need it in full. */
public final class Masking {

    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{4})\\d{10}(\\d{3}[\\dXx])(?![\\dXx])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3}-?)\\d{3,4}(\\d{4})(?!\\d)");

    private Masking() {
    }

    /** 138****5678: the first three and the last four digits of a phone number. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /**
     * Text people typed (a description, an address): any id-card, mobile or landline number in it masked
     * (1101**********1234, 138****5678, 0571-****1234).
     */
    public static String freeText(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_CARD.matcher(text).replaceAll("$1**********$2");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll("$1****$2");
    }
}
