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
    /**
     * Recent answers of {@link #toE164} and {@link #display}. One imported contact's phone is parsed by the
     * import's mapping, by the contact rules and by the change history — each parse about 10 µs, a fifth of the
     * Java time per imported row — and each later call sees the E.164 form the first one produced. A parse
     * remembers the readable form too, so the change history's {@link #display} of a number just read needs
     * none. Cleared when full, so it stays small; it only has to remember the last few numbers.
     */
    private static final RecentAnswers<Optional<String>> E164 = new RecentAnswers<>(16_384);
    private static final RecentAnswers<String> DISPLAY = new RecentAnswers<>(16_384);

    private PhoneNumbers() {
    }

    /** {@code "0532 123 45 67"} → {@code "+905321234567"}; empty when the text is not a valid phone number. */
    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        Optional<String> known = E164.get(raw);
        if (known != null) {
            return known;
        }
        Optional<String> parsed = parse(raw);
        E164.remember(raw, parsed);
        parsed.ifPresent(e164 -> E164.remember(e164, parsed));
        return parsed;
    }

    private static Optional<String> parse(String raw) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            DISPLAY.remember(e164, UTIL.format(asParsedFromE164(number), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
            return Optional.of(e164);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** What parsing the number's E.164 form gives: no extension, nothing of how it was written. */
    private static Phonenumber.PhoneNumber asParsedFromE164(Phonenumber.PhoneNumber number) {
        Phonenumber.PhoneNumber plain = new Phonenumber.PhoneNumber().setCountryCode(number.getCountryCode())
                .setNationalNumber(number.getNationalNumber());
        if (number.hasItalianLeadingZero()) {
            plain.setItalianLeadingZero(number.isItalianLeadingZero())
                    .setNumberOfLeadingZeros(number.getNumberOfLeadingZeros());
        }
        return plain;
    }

    /** A readable international form for display, e.g. {@code +90 532 123 45 67}. */
    public static String display(String e164) {
        if (e164 == null) {
            return "";
        }
        String known = DISPLAY.get(e164);
        if (known != null) {
            return known;
        }
        String readable;
        try {
            readable = UTIL.format(UTIL.parse(e164, DEFAULT_REGION), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            readable = e164;
        }
        DISPLAY.remember(e164, readable);
        return readable;
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
