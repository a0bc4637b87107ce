package org.linli.basedata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An 18-digit resident identity card number (GB 11643-1999), checked on construction.
 * It never leaves this type in clear: callers store {@link #hash(byte[])} and show {@link #masked()}.
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final LocalDate birthDate;

    private IdCardNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses and checks a number; the message of the exception says what is wrong, in English. */
    public static IdCardNumber parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("id-card number is missing");
        }
        String value = text.trim().toUpperCase();
        if (!value.matches("\\d{17}[\\dX]")) {
            throw new IllegalArgumentException("id-card number must be 17 digits followed by a digit or X");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("id-card number contains an impossible birth date");
        }
        if (birthDate.getYear() < 1880) {
            throw new IllegalArgumentException("id-card number contains an impossible birth date");
        }
        if (value.charAt(17) != checkChar(value.substring(0, 17))) {
            throw new IllegalArgumentException("id-card number has a wrong check digit");
        }
        return new IdCardNumber(value, birthDate);
    }

    /** The check character of the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** 'M' or 'F', from the parity of the 17th digit. */
    public char gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }

    /** The form shown to staff: first four and last four kept (1101**********1234), birth date and place hidden. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }

    /** A keyed hash (HMAC-SHA256, hex) for look-ups and uniqueness without storing the number. */
    public String hash(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdCardNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
