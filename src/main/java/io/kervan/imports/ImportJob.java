package io.kervan.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An import as stored: its file, mapping, status and counts. {@code processedRows} is the checkpoint:
 * rows up to it have their outcome stored with their records. An undo has its own: the rows from
 * {@code undoBeforeRow} on are reverted ({@code undoneRows} of them so far), by {@code undoBy}.
 */
public record ImportJob(UUID id, UUID createdBy, String recordType, String fileName, String fileFormat, long fileBytes,
        ImportMapping mapping, boolean dryRun, ImportStatus status, String encoding, String delimiter, String sheet,
        Long totalRows, long processedRows, long created, long updated, long skipped, long failed, long runMillis,
        boolean cancelRequested, String message, Instant createdAt, Instant startedAt, Instant finishedAt,
        Instant undoneAt, UUID uploadId, UUID undoBy, Long undoBeforeRow, long undoneRows) {

    /** Rows per second over all runs of this job so far. */
    public double rowsPerSecond() {
        return runMillis <= 0 ? 0 : processedRows * 1000.0 / runMillis;
    }

    /** Whole percent done, 0 when the total is not known yet; while undoing, of the written rows reverted. */
    public int percent() {
        if (status == ImportStatus.UNDOING) {
            long written = created + updated;
            return written == 0 ? 0 : (int) Math.min(100, undoneRows * 100 / written);
        }
        if (totalRows == null || totalRows == 0) {
            return status.finished() ? 100 : 0;
        }
        return (int) Math.min(100, processedRows * 100 / totalRows);
    }

    /** The expected remaining time, {@code null} when not running or not yet known. */
    public Duration eta() {
        double rate = rowsPerSecond();
        if (status != ImportStatus.RUNNING || totalRows == null || rate <= 0) {
            return null;
        }
        return Duration.ofSeconds((long) Math.ceil((totalRows - processedRows) / rate));
    }

    public boolean undoable() {
        return !dryRun && (status == ImportStatus.COMPLETED || status == ImportStatus.CANCELLED
                || status == ImportStatus.FAILED) && (created + updated) > 0;
    }

    public boolean cancellable() {
        return status == ImportStatus.QUEUED || status == ImportStatus.RUNNING;
    }
}
