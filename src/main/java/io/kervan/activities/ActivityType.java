package io.kervan.activities;

import java.util.Arrays;
import java.util.Optional;

/** What kind of interaction an activity records. */
public enum ActivityType {
    CALL("call"), MEETING("meeting"), EMAIL("email"), NOTE("note"), WHATSAPP("whatsapp");

    private final String key;

    ActivityType(String key) {
        this.key = key;
    }

    /** The name used in the API, the database and message keys. */
    public String key() {
        return key;
    }

    public static Optional<ActivityType> parse(String key) {
        return key == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.key.equals(key.strip())).findFirst();
    }
}
