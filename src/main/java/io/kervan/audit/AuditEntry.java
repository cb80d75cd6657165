package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded change of a record, with the actor's name resolved for display. */
public record AuditEntry(UUID id, String recordType, UUID recordId, RecordChanged.Action action, UUID actorId,
        String actorName, Instant occurredAt, List<RecordChanged.FieldChange> changes) {
}
