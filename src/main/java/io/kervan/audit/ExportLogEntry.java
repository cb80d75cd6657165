package io.kervan.audit;

import java.time.Instant;
import java.util.UUID;

/** One recorded list export: who took which list out, when, how many rows, in which format, with which filters. */
public record ExportLogEntry(UUID id, Instant at, UUID actorId, String actorName, String recordType, String format,
        long rows, String filters) {
}
