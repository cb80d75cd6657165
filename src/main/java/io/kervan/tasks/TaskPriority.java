package io.kervan.tasks;

import java.util.Arrays;
import java.util.Optional;

public enum TaskPriority {
    LOW, NORMAL, HIGH;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<TaskPriority> parse(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }
}
