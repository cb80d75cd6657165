package io.kervan.shared;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published by a business module after a record was created, updated, archived or unarchived.
 * {@code audit} records it; later modules (webhooks, timeline) react to it too.
 *
 * @param eventId unique per change, so that a redelivered event is recorded once
 * @param recordType lower-case type name, e.g. {@code company}, {@code contact}
 * @param actorId the user who made the change, {@code null} for the system
 * @param changes field-level old → new values (display strings); empty for archive/unarchive
 * @param origin what made the change besides the actor ({@code import:<id>}), see {@link ChangeOrigin};
 *        {@code null} for a person's own edit
 */
public record RecordChanged(UUID eventId, String recordType, UUID recordId, Action action, UUID actorId, Instant occurredAt,
        List<FieldChange> changes, String origin) {

    public RecordChanged(UUID eventId, String recordType, UUID recordId, Action action, UUID actorId,
            Instant occurredAt, List<FieldChange> changes) {
        this(eventId, recordType, recordId, action, actorId, occurredAt, changes, null);
    }

    public static RecordChanged of(String recordType, UUID recordId, Action action, UUID actorId,
            List<FieldChange> changes) {
        return new RecordChanged(Ids.newId(), recordType, recordId, action, actorId, Instant.now(), changes,
                ChangeOrigin.current());
    }

    /**
     * The value this change gave {@code field}, {@code null} when it left the field alone or emptied it. Listeners
     * name what they react to with it in their {@code condition}, so that the publication registry stores no
     * publication for the events they would ignore (see {@code contacts.CompanyRenames}).
     */
    public String newValue(String field) {
        if (changes == null) {
            return null;
        }
        for (FieldChange change : changes) {
            if (change.field().equals(field)) {
                return change.newValue();
            }
        }
        return null;
    }

    /**
     * The user this change gave the record to, when that is someone other than the person making it; {@code null}
     * otherwise (no new owner, or the actor took the record themselves).
     */
    public UUID assignee() {
        String owner = newValue("ownerId");
        return owner == null || actorId != null && owner.equals(actorId.toString()) ? null : UUID.fromString(owner);
    }

    public enum Action { CREATED, UPDATED, ARCHIVED, UNARCHIVED, DELETED }

    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
