package io.kervan.imports;

import io.kervan.imports.reading.TableRow;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an import's batches on two connections at once, committed in file order (ADR 13): while batch k is being
 * written, batch k+1 is written too, and commits only once k has committed and the job may go on (not cancelled,
 * not stopped). The checkpoint therefore stays contiguous, and after a crash the job resumes after the last batch
 * committed, as with one writer.
 *
 * <p>Batch k+1 is written alongside k only when the outcome cannot differ from writing it after k: both were planned
 * ahead, their plans' {@linkplain BulkRows.Plan#touches touches} are disjoint (no key one looks up is a key the
 * other writes, no record matched by both), and k+1's plan still holds. Otherwise k+1 waits for k's commit before
 * it decides, holding no lock.
 *
 * <p>The database may still make k wait for a lock k+1 holds (both inserting the same new search word, say). As
 * k+1 waits for k's commit in Java, PostgreSQL could not see that deadlock; so while k+1 waits, it checks whether k
 * is blocked by it, and if so rolls back (releasing k) and writes its batch again once k has committed.
 */
final class TwoWriters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwoWriters.class);

    /**
     * How often a batch waiting for its turn to commit checks that the batch before it is not waiting for it. Most
     * batches get their turn within this time and never ask; a batch that must yield does so this much later.
     */
    private static final long TURN_CHECK_MILLIS = 100;

    /** The job-wide work around a batch's rows: storing their outcomes (not the checkpoint), in its transaction. */
    interface Outcomes {
        ImportJobRepository.BatchCounts save(List<RowOutcome> outcomes);
    }

    /** Told, on the writer's thread, just before a batch's rows are written; tests use it to order the writers. */
    interface BeforeWrite {
        /** @param alongside whether the batch before it is still being written */
        void accept(long firstRow, boolean alongside);
    }

    private final UUID jobId;
    private final ImportJobRepository jobs;
    private final TransactionTemplate transaction;
    private final RowProcessor<?> processor;
    private final Outcomes outcomes;
    private final LongConsumer afterBatch;
    private final BeforeWrite beforeWrite;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger alongside = new AtomicInteger();
    private final AtomicInteger yielded = new AtomicInteger();
    /** Nanoseconds the job's thread waited for the next batch's plan: the planning thread as the bound. */
    private final AtomicLong waitedForPlans = new AtomicLong();
    private final Consumer<Runnable> inJobContext;
    private final ExecutorService threads;

    /**
     * @param inJobContext runs a writer's work as the job's user, with its changes marked as the import's
     * @param afterBatch called on the job's thread after each committed batch, with the rows processed so far
     * @param beforeWrite called on a writer's thread before each batch's rows are written
     */
    TwoWriters(UUID jobId, ImportJobRepository jobs, TransactionTemplate transaction, RowProcessor<?> processor,
            Outcomes outcomes, Consumer<Runnable> inJobContext, LongConsumer afterBatch, BeforeWrite beforeWrite) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.transaction = transaction;
        this.processor = processor;
        this.outcomes = outcomes;
        this.afterBatch = afterBatch;
        this.beforeWrite = beforeWrite;
        this.inJobContext = inJobContext;
        this.threads = Executors.newFixedThreadPool(2, r -> new Thread(r, "import-writer-" + jobId));
    }

    /** A batch handed to a writer, from its first statement to its commit. */
    private static final class InFlight {

        final List<TableRow> rows;
        final BulkRows.Plan<?> plan;
        final long processedAfter;
        /** The batch before this one, until this one has committed (then let go, so that batches do not pile up). */
        volatile InFlight previous;
        /** Completed by the job's thread: {@code true} once the batch may commit, {@code false} to roll it back. */
        final CompletableFuture<Boolean> turn = new CompletableFuture<>();
        /** Completed once the batch has decided how it writes: {@link #touches} is then known. */
        final CompletableFuture<Void> decided = new CompletableFuture<>();
        /** Completed when the batch has committed; exceptionally when it did not. */
        final CompletableFuture<Void> committed = new CompletableFuture<>();
        /** What the batch's writing rests on, or {@code null} when a batch after it must wait for its commit. */
        volatile Set<String> touches;
        volatile int backend;
        volatile long committedAt;

        InFlight(BatchesAhead.Batch batch, long processedAfter, InFlight previous) {
            this.rows = batch.rows();
            this.plan = batch.plan();
            this.processedAfter = processedAfter;
            this.previous = previous;
        }
    }

    /** Rolls back a batch that held a lock the batch before it waits for; the batch is written again after it. */
    private static final class Yield extends RuntimeException {
        Yield() {
            super(null, null, false, false);
        }
    }

    /** Rolls back a batch the job does not go on to (cancelled, or the batch before it failed). */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Writes the batches until the file ends; false when the job was cancelled (the batches up to the cancel
     * committed, none after). Throws what stopped it otherwise, after the other writer has rolled back.
     */
    boolean run(BatchesAhead ahead, long processed) {
        InFlight previous = null;
        while (true) {
            long asked = System.nanoTime();
            BatchesAhead.Batch batch = ahead.next();
            waitedForPlans.addAndGet(System.nanoTime() - asked);
            if (batch.rows().isEmpty()) {
                break;
            }
            processed += batch.rows().size();
            InFlight current = new InFlight(batch, processed, previous);
            threads.execute(() -> {
                try {
                    inJobContext.accept(() -> write(current));
                } catch (RuntimeException | Error e) {
                    // the job's context could not be entered: the batch ends unwritten, and the job with it
                    current.decided.complete(null);
                    current.committed.completeExceptionally(e);
                }
            });
            if (previous != null && !finished(previous, current)) {
                return false;
            }
            current.turn.complete(true);
            previous = current;
        }
        return previous == null || finished(previous, null);
    }

    /**
     * Waits for a batch's commit and runs what follows a committed batch; {@code next} (already being written) is
     * rolled back when the job does not go on. False when it was cancelled.
     */
    private boolean finished(InFlight batch, InFlight next) {
        try {
            await(batch.committed);
            afterBatch.accept(batch.processedAfter);
            if (next != null && jobs.cancelRequested(jobId)) {
                stop(next);
                return false;
            }
            return true;
        } catch (RuntimeException | Error e) {
            stop(next);
            throw e;
        }
    }

    private static void stop(InFlight batch) {
        if (batch != null) {
            batch.turn.complete(false);
            try {
                batch.committed.join();
            } catch (CompletionException | CancellationException e) {
                // rolled back, as asked
            }
        }
    }

    /** A writer's work for one batch: written, saved and committed in its turn, written again if it yielded. */
    private void write(InFlight batch) {
        long started = System.currentTimeMillis();
        boolean alongside = true;
        while (true) {
            try {
                boolean mayGoAlongside = alongside;
                transaction.executeWithoutResult(status -> {
                    jobs.commitWithoutWaitingForDisk();
                    batch.backend = jobs.backendPid();
                    ImportJobRepository.BatchCounts counts = outcomes.save(decideAndWrite(batch, mayGoAlongside));
                    awaitTurn(batch);
                    // the time since the commit before, so that the job's run time counts overlapping batches once
                    long from = batch.previous == null ? started : batch.previous.committedAt;
                    jobs.checkpoint(jobId, batch.processedAfter, counts, System.currentTimeMillis() - from);
                });
                batch.committedAt = System.currentTimeMillis();
                batch.previous = null;
                batch.committed.complete(null);
                return;
            } catch (Yield e) {
                yielded.incrementAndGet();
                processor.forget(batch.rows);
                alongside = false;
            } catch (RuntimeException | Error e) {
                batch.decided.complete(null);
                batch.committed.completeExceptionally(e);
                return;
            }
        }
    }

    /**
     * Writes the batch: as planned, alongside the batch before it when their plans are disjoint; otherwise once that
     * batch has committed (waiting for it holding no lock), as planned if the plan still holds, else decided anew.
     */
    private List<RowOutcome> decideAndWrite(InFlight batch, boolean mayGoAlongside) {
        written.incrementAndGet();
        InFlight previous = batch.previous;
        BulkRows.Plan<?> plan = batch.plan;
        boolean planned = plan != null && plan.touches() != null;
        boolean previousOpen = previous != null && !previous.committed.isDone();
        if (previousOpen && !(mayGoAlongside && planned && disjoint(previous, plan))) {
            // Only the batch after this one waits for what this one decides, and it is started after the previous
            // commit: waiting here cannot close a circle.
            await(previous.committed);
            previousOpen = false;
        }
        if (planned && processor.holds(plan)) {
            batch.touches = plan.touches();
            batch.decided.complete(null);
            if (previousOpen) {
                alongside.incrementAndGet();
            }
            beforeWrite.accept(batch.rows.get(0).number(), previousOpen);
            return processor.writePlanned(plan);
        }
        batch.touches = null;
        batch.decided.complete(null);
        if (previousOpen) {
            await(previous.committed);
        }
        beforeWrite.accept(batch.rows.get(0).number(), false);
        // a plan found not to hold is not looked up again: the batch is decided now
        return processor.processAll(batch.rows, planned ? null : plan);
    }

    private static boolean disjoint(InFlight previous, BulkRows.Plan<?> plan) {
        await(previous.decided);
        Set<String> theirs = previous.touches;
        return theirs != null && Collections.disjoint(theirs, plan.touches());
    }

    /**
     * Waits until the batch may commit. While the batch before it is still open, checks that it is not blocked by
     * this one: if so, this batch yields (it is rolled back and written again later).
     */
    private void awaitTurn(InFlight batch) {
        InFlight previous = batch.previous;
        while (true) {
            try {
                if (!batch.turn.get(TURN_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new Stopped();
                }
                return;
            } catch (TimeoutException e) {
                if (previous != null && !previous.committed.isDone() && previous.backend != 0
                        && jobs.waitsFor(previous.backend, batch.backend)) {
                    // Set before rolling back: the batch after this one is only started once the previous has
                    // committed, so it sees that this batch no longer writes as planned.
                    batch.touches = null;
                    throw new Yield();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    private static void await(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Waits for the writers to end (each batch ends committed or rolled back). */
    @Override
    public void close() {
        log.debug("Import {}: {} batch writes, {} alongside the batch before, {} yielded to it; {} ms waiting for plans",
                jobId, written.get(), alongside.get(), yielded.get(), waitedForPlans.get() / 1_000_000);
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
