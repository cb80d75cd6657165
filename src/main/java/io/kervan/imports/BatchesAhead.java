package io.kervan.imports;

import io.kervan.imports.reading.TableReader;
import io.kervan.imports.reading.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches of an import file, each read and planned on a thread of its own while the batch before it is
 * written: the reading, value conversions, key lookups and drafts of one batch overlap the writes of the other,
 * so an import keeps both a core of the application and one of the database busy. The plan is only a proposal;
 * whether it still holds is checked in the writing transaction ({@link BulkRows#process(List, BulkRows.Plan)}).
 * Once started, only that thread touches the file.
 */
final class BatchesAhead implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchesAhead.class);

    /** The next rows of the file, and their plan when they could be decided ahead ({@code null} otherwise). */
    record Batch(List<TableRow> rows, BulkRows.Plan<?> plan) {
    }

    private final TableReader reader;
    private final RowProcessor<?> processor;
    private final int batchSize;
    private final Function<Supplier<BulkRows.Plan<?>>, BulkRows.Plan<?>> asJobUser;
    private final UUID jobId;
    private final ExecutorService thread;
    private Future<Batch> next;

    /**
     * @param asJobUser runs the planning as the job's user, in a read-only transaction; {@code null} reads and
     *        plans nothing ahead (each batch is read when it is needed and decided when written)
     */
    BatchesAhead(TableReader reader, RowProcessor<?> processor, int batchSize,
            Function<Supplier<BulkRows.Plan<?>>, BulkRows.Plan<?>> asJobUser, UUID jobId) {
        this.reader = reader;
        this.processor = processor;
        this.batchSize = batchSize;
        this.asJobUser = asJobUser;
        this.jobId = jobId;
        this.thread = asJobUser == null ? null : Executors.newSingleThreadExecutor(r -> {
            // It only reads: a JVM that is going away need not wait for it.
            Thread reading = new Thread(r, "import-ahead-" + jobId);
            reading.setDaemon(true);
            return reading;
        });
    }

    /** The next batch (read and planned ahead when possible), empty at the end; starts on the one after it. */
    Batch next() {
        if (thread == null) {
            return new Batch(read(), null);
        }
        Batch batch = await(next != null ? next : thread.submit(this::readAndPlan));
        if (!batch.rows().isEmpty()) {
            next = thread.submit(this::readAndPlan);
        }
        return batch;
    }

    private List<TableRow> read() {
        List<TableRow> rows = new ArrayList<>(batchSize);
        TableRow row;
        while (rows.size() < batchSize && (row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    private Batch readAndPlan() {
        List<TableRow> rows = read();
        if (rows.isEmpty()) {
            return new Batch(rows, null);
        }
        try {
            return new Batch(rows, asJobUser.apply(() -> processor.planAhead(rows)));
        } catch (RuntimeException e) {
            // Not fatal: the batch is decided in its own transaction, which reports what is wrong.
            log.debug("Import {}: a batch could not be planned ahead", jobId, e);
            return new Batch(rows, null);
        }
    }

    private static Batch await(Future<Batch> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the file could not be read: the job fails with the reader's message
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the import file", e);
        }
    }

    /** Waits for a batch still being read, so that the file is closed only after it. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
