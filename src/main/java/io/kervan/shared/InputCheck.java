package io.kervan.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates and normalises the fields of one input, collecting every problem before failing, so a
 * form shows all its errors at once. Each method returns the cleaned value ({@code null} when blank
 * or invalid); {@link #throwIfInvalid()} raises the collected problems.
 */
public final class InputCheck {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** Trimmed text, {@code null} when blank; too long or required-but-missing is a problem. */
    public String text(String field, String value, int maxLength, boolean required) {
        String cleaned = value == null ? null : value.strip();
        if (cleaned == null || cleaned.isEmpty()) {
            if (required) {
                problem(field, "validation.required");
            }
            return null;
        }
        if (hasControlCharacters(cleaned)) {
            problem(field, "validation.characters");
            return null;
        }
        if (cleaned.length() > maxLength) {
            problem(field, "validation.tooLong");
            return null;
        }
        return cleaned;
    }

    public String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return EmailAddresses.normalize(value).orElseGet(() -> {
            problem(field, "validation.email");
            return null;
        });
    }

    public String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PhoneNumbers.toE164(value).orElseGet(() -> {
            problem(field, "validation.phone");
            return null;
        });
    }

    /** A web address; {@code example.com} becomes {@code https://example.com}. */
    public String website(String field, String value) {
        String cleaned = text(field, value, 300, false);
        if (cleaned == null) {
            return null;
        }
        String withScheme = cleaned.matches("(?i)^https?://.*") ? cleaned : "https://" + cleaned;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null || !uri.getHost().contains(".") || cleaned.contains(" ")) {
                throw new IllegalArgumentException("no host");
            }
            return withScheme;
        } catch (IllegalArgumentException e) {
            problem(field, "validation.url");
            return null;
        }
    }

    /** Distinct, trimmed tags; at most {@code maxCount}, each at most 50 characters. */
    public List<String> tags(String field, List<String> values, int maxCount) {
        if (values == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String tag = value.strip();
            if (tag.length() > 50 || hasControlCharacters(tag)) {
                problem(field, "validation.tag");
                return List.of();
            }
            tags.add(tag);
        }
        if (tags.size() > maxCount) {
            problem(field, "validation.tooMany");
            return List.of();
        }
        return List.copyOf(tags);
    }

    /** An ISO-4217-shaped currency code, upper-cased; {@code fallback} when blank. */
    public String currency(String field, String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            problem(field, "validation.currency");
            return null;
        }
        return code;
    }

    public void problem(String field, String messageCode) {
        problems.add(new FieldProblem(field, messageCode));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Throws the collected problems together with those {@code moreRules} finds, so that a form with a
     * malformed number still shows its other errors too. Does nothing when nothing was collected.
     */
    public void throwIfInvalidAlongWith(Runnable moreRules) {
        if (problems.isEmpty()) {
            return;
        }
        List<FieldProblem> all = new ArrayList<>(problems);
        try {
            moreRules.run();
        } catch (InvalidInputException e) {
            all.addAll(e.problems());
        }
        throw new InvalidInputException(all);
    }

    /**
     * NUL and other control characters (except tab and line breaks) are never meaningful in CRM text,
     * and PostgreSQL refuses NUL outright: they are refused here, as a field error.
     */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Splits "a, b,c" as typed into a tag field. */
    public static List<String> splitTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split(","));
    }
}
