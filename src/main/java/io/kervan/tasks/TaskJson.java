package io.kervan.tasks;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The task's JSON shapes on the REST API. */
final class TaskJson {

    private TaskJson() {
    }

    /** {@code {"recordType": "contact", "recordId": "..."}}. */
    record Link(String recordType, UUID recordId) {

        RecordRef toRef() {
            if (recordId == null) {
                throw new InvalidInputException("links", "tasks.validation.linkId");
            }
            return RecordRef.of(recordType, recordId);
        }

        static Link of(RecordRef ref) {
            return new Link(ref.type().apiName(), ref.id());
        }
    }

    /** Request body of create and (after merging) patch. Unknown fields are refused. */
    record Input(String title, String description, Instant dueAt, String priority, String status, UUID assigneeId,
            Instant reminderAt, List<Link> links) {

        TaskDraft toDraft() {
            return new TaskDraft(title, description, dueAt, priority, status, assigneeId, reminderAt,
                    links == null ? List.of() : links.stream().map(Link::toRef).toList());
        }

        static Input of(TaskDetails t) {
            return new Input(t.title(), t.description(), t.dueAt(), t.priority().key(), t.status().key(),
                    t.assigneeId(), t.reminderAt(), t.links().stream().map(Link::of).toList());
        }
    }

    record Resource(UUID id, String title, String description, Instant dueAt, String priority, String status,
            UUID assigneeId, Instant reminderAt, List<Link> links, boolean overdue, Instant completedAt,
            UUID createdBy, Instant createdAt, Instant updatedAt, long version) {

        static Resource of(TaskDetails t, Instant now) {
            return new Resource(t.id(), t.title(), t.description(), t.dueAt(), t.priority().key(), t.status().key(),
                    t.assigneeId(), t.reminderAt(), t.links().stream().map(Link::of).toList(), t.overdueAt(now),
                    t.completedAt(), t.createdBy(), t.createdAt(), t.updatedAt(), t.version());
        }
    }

    record Page(List<Resource> items, String nextCursor) {
    }
}
