package io.kervan.tasks;

import io.kervan.shared.records.RecordRef;
import java.util.UUID;

/**
 * Filters of the task list. {@code due} is {@code overdue}, {@code today} or {@code upcoming} (each
 * implies open tasks); {@code record} narrows to tasks linked to that record.
 */
public record TaskFilter(UUID assigneeId, String status, String due, RecordRef record) {
}
