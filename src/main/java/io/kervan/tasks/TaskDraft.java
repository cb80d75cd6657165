package io.kervan.tasks;

import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as entered, before the rules ran. Null priority means normal, null status open, null
 * assignee the person creating it.
 */
public record TaskDraft(String title, String description, Instant dueAt, String priority, String status,
        UUID assigneeId, Instant reminderAt, List<RecordRef> links) {
}
