package io.kervan.tasks;

import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored task, as the module shows it to others. */
public record TaskDetails(UUID id, String title, String description, Instant dueAt, TaskPriority priority,
        TaskStatus status, UUID assigneeId, Instant reminderAt, Instant completedAt, List<RecordRef> links,
        Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy, long version) {

    public boolean open() {
        return status == TaskStatus.OPEN;
    }

    public boolean overdueAt(Instant now) {
        return open() && dueAt != null && dueAt.isBefore(now);
    }

    public TaskDraft toDraft() {
        return new TaskDraft(title, description, dueAt, priority.key(), status.key(), assigneeId, reminderAt, links);
    }

    TaskDetails withLinks(List<RecordRef> newLinks) {
        return new TaskDetails(id, title, description, dueAt, priority, status, assigneeId, reminderAt, completedAt,
                newLinks, createdAt, updatedAt, createdBy, updatedBy, version);
    }
}
