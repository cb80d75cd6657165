package io.kervan.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers in E.164, parsed with libphonenumber; Turkey is the default region. */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "TR";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 40;

    private PhoneNumbers() {
    }

    /** {@code "0532 123 45 67"} → {@code "+905321234567"}; empty when the text is not a valid phone number. */
    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A readable international form for display, e.g. {@code +90 532 123 45 67}. */
    public static String display(String e164) {
        if (e164 == null) {
            return "";
        }
        try {
            return UTIL.format(UTIL.parse(e164, DEFAULT_REGION), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** True when a search query is written like a phone number (digits, spaces, + ( ) - . /). */
    public static boolean looksLikePhone(String query) {
        if (query == null) {
            return false;
        }
        long digits = query.chars().filter(Character::isDigit).count();
        return digits >= 7 && query.strip().matches("[0-9+()./\\s-]+");
    }
}
