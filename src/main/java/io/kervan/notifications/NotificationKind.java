package io.kervan.notifications;

import io.kervan.shared.InvalidInputException;
import java.util.Arrays;

/** Why someone is notified; each kind has its own in-app and e-mail preference. */
public enum NotificationKind {
    TASK_ASSIGNED("taskAssigned"),
    TASK_REMINDER("taskReminder"),
    RECORD_ASSIGNED("recordAssigned"),
    DEAL_STALE("dealStale");

    private final String key;

    NotificationKind(String key) {
        this.key = key;
    }

    /** The name in the API, the database and message keys ({@code notifications.kind.<key>}). */
    public String key() {
        return key;
    }

    public static NotificationKind fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("kind", "notifications.validation.kind"));
    }
}
