package io.kervan.deals;

import java.util.Locale;

/** Where a deal stands: still being worked ({@code open}) or closed as {@code won} or {@code lost}. */
public enum DealStatus {
    OPEN, WON, LOST;

    /** The lower-case form used in the API, SQL and URLs. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DealStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
