package io.kervan.shared.export;

import java.time.Instant;
import java.util.UUID;

/**
 * Published after a list was exported; {@code audit} records it.
 *
 * @param recordType the exported records' type, e.g. {@code company}
 * @param format the file format, e.g. {@code csv}
 * @param rows how many records the file holds
 * @param filters the filters the list was narrowed by, as a query string
 */
public record ListExported(UUID exportId, String recordType, String format, int rows, UUID actorId, Instant at,
        String filters) {
}
