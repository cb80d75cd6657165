package io.kervan.tasks;

import java.util.Arrays;
import java.util.Optional;

/** Where a task stands; only open tasks are due, remind and count as a planned next step. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<TaskStatus> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
