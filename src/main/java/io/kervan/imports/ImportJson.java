package io.kervan.imports;

import java.time.Instant;
import java.util.UUID;

/** The job resource of {@code /api/v1/imports/{id}}. */
record ImportJson(UUID id, String status, String recordType, String fileName, boolean dryRun, String mode,
        String matchOn, String encoding, String delimiter, String sheet, Long totalRows, long processedRows,
        long created, long updated, long skipped, long failed, double rowsPerSecond, Long etaSeconds, int percent,
        String message, Instant createdAt, Instant startedAt, Instant finishedAt, long undoneRows, Instant undoneAt) {

    static ImportJson of(ImportJob job) {
        return new ImportJson(job.id(), job.status().key(), job.recordType(), job.fileName(), job.dryRun(),
                job.mapping().mode(), job.mapping().matchOn(), job.encoding(), job.delimiter(), job.sheet(),
                job.totalRows(), job.processedRows(), job.created(), job.updated(), job.skipped(), job.failed(),
                Math.round(job.rowsPerSecond() * 10) / 10.0, job.eta() == null ? null : job.eta().toSeconds(),
                job.percent(), job.message(), job.createdAt(), job.startedAt(), job.finishedAt(), job.undoneRows(),
                job.undoneAt());
    }
}
