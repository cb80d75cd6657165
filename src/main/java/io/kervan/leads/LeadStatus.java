package io.kervan.leads;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a lead stands. Only a {@link #QUALIFIED} lead can be converted. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, DISQUALIFIED;

    /** The lower-case form used in the API, the database and message keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Tabler badge colour of the status. */
    public String badgeClass() {
        return switch (this) {
            case NEW -> "bg-blue-lt";
            case CONTACTED -> "bg-yellow-lt";
            case QUALIFIED -> "bg-green-lt";
            case DISQUALIFIED -> "bg-red-lt";
        };
    }

    public static Optional<LeadStatus> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String cleaned = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key().equals(cleaned)).findFirst();
    }
}
