package io.kervan.activities;

import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity as entered, before {@link ActivityRules} checked and normalised it. */
public record ActivityDraft(String type, String subject, String body, Instant occurredAt, String direction,
        String outcome, Integer durationSeconds, Instant startAt, Instant endAt, String location,
        List<UUID> attendeeIds, List<RecordRef> links) {
}
