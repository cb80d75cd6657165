package io.kervan.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** E-mail addresses are validated for shape and stored lower-cased. */
public final class EmailAddresses {

    /** Local part, '@', a domain with at least one dot; no spaces or angle brackets. */
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    public static final int MAX_LENGTH = 254;
    /**
     * Recent answers. An imported contact's address is checked by the import's duplicate-row check, its
     * mapping, the contact rules and the change history; the pattern match is most of an address's cost (about
     * 8 % of the import's Java time when each call matched). Cleared when full: it only has to remember the
     * addresses of the last few rows.
     */
    private static final RecentAnswers<Optional<String>> RECENT = new RecentAnswers<>(16_384);

    private EmailAddresses() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.length() > 2 * MAX_LENGTH) {
            return check(raw.strip()); // a hostile or padded value is not worth remembering
        }
        Optional<String> known = RECENT.get(raw);
        if (known != null) {
            return known;
        }
        Optional<String> normalized = check(raw.strip());
        RECENT.remember(raw, normalized);
        normalized.ifPresent(address -> RECENT.remember(address, normalized));
        return normalized;
    }

    private static Optional<String> check(String trimmed) {
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(trimmed.toLowerCase(Locale.ROOT));
    }
}
