package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One recorded change of a record, with the actor's name resolved for display; {@code origin} says
 * what made it besides the actor ({@code import:<id>}), {@code null} for a person's own edit.
 */
public record AuditEntry(UUID id, String recordType, UUID recordId, RecordChanged.Action action, UUID actorId,
        String actorName, Instant occurredAt, List<RecordChanged.FieldChange> changes, String origin) {

    /** Whether an import made this change (the history says "by the import"). */
    public boolean byImport() {
        return origin != null && origin.startsWith("import:");
    }
}
