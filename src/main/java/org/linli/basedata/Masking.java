package org.linli.basedata;

/** How personal data is shown to people who do not need it in full. */
public final class Masking {

    private Masking() {
    }

    /** 138****5678: the first three and the last four digits of a phone number. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
