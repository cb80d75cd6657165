package io.kervan.activities;

import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored activity. {@code body} is plain text, except for a note, where it is sanitised HTML.
 * {@code occurredAt} is a meeting's start.
 */
public record Activity(UUID id, ActivityType type, String subject, String body, Instant occurredAt,
        String direction, String outcome, Integer durationSeconds, Instant startAt, Instant endAt, String location,
        List<UUID> attendeeIds, List<RecordRef> links, UUID ownerId, Instant createdAt, Instant updatedAt,
        UUID createdBy, UUID updatedBy, long version) {

    /** The input that would produce this activity again: the starting point of a merge patch. */
    public ActivityDraft toDraft() {
        return new ActivityDraft(type.key(), subject, body, occurredAt, direction, outcome, durationSeconds, startAt,
                endAt, location, attendeeIds, links);
    }

    public boolean bodyIsHtml() {
        return type == ActivityType.NOTE;
    }
}
