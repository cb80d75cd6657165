package io.kervan.activities;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The activity's JSON shapes on the REST API. */
final class ActivityJson {

    private ActivityJson() {
    }

    /** A link to a record: {@code {"recordType": "contact", "recordId": "..."}}. */
    record Link(String recordType, UUID recordId) {

        RecordRef toRef() {
            if (recordId == null) {
                throw new InvalidInputException("links", "activity.validation.link");
            }
            return RecordRef.of(recordType, recordId);
        }

        static Link of(RecordRef ref) {
            return new Link(ref.type().apiName(), ref.id());
        }
    }

    /** Request body of create and (after merging) patch. Unknown fields are refused. */
    record Input(String type, String subject, String body, Instant occurredAt, String direction, String outcome,
            Integer durationSeconds, Instant startAt, Instant endAt, String location, List<UUID> attendeeIds,
            List<Link> links) {

        ActivityDraft toDraft() {
            return new ActivityDraft(type, subject, body, occurredAt, direction, outcome, durationSeconds, startAt,
                    endAt, location, attendeeIds,
                    links == null ? null : links.stream().map(l -> l == null ? null : l.toRef()).toList());
        }

        static Input of(Activity a) {
            return new Input(a.type().key(), a.subject(), a.body(), a.occurredAt(), a.direction(), a.outcome(),
                    a.durationSeconds(), a.startAt(), a.endAt(), a.location(), a.attendeeIds(),
                    a.links().stream().map(Link::of).toList());
        }
    }

    record Resource(UUID id, String type, String subject, String body, Instant occurredAt, String direction,
            String outcome, Integer durationSeconds, Instant startAt, Instant endAt, String location,
            List<UUID> attendeeIds, List<Link> links, UUID ownerId, Instant createdAt, Instant updatedAt,
            long version) {

        static Resource of(Activity a) {
            return new Resource(a.id(), a.type().key(), a.subject(), a.body(), a.occurredAt(), a.direction(),
                    a.outcome(), a.durationSeconds(), a.startAt(), a.endAt(), a.location(), a.attendeeIds(),
                    a.links().stream().map(Link::of).toList(), a.ownerId(), a.createdAt(), a.updatedAt(),
                    a.version());
        }
    }

    record Page(List<Resource> items, String nextCursor) {
    }
}
