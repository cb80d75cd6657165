package io.kervan.imports;

import io.kervan.identity.BackgroundUser;
import io.kervan.identity.CurrentUser;
import io.kervan.identity.UserService;
import io.kervan.companies.CompanyImports;
import io.kervan.imports.reading.ImportFileException;
import io.kervan.shared.ChangeOrigin;
import io.kervan.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs one import job, batch by batch. Each batch's records, row outcomes, problems and the checkpoint
 * commit in one transaction, so after a crash the job resumes after the last committed batch and no
 * row is imported twice. A dry run does the same work in transactions that are rolled back, keeping
 * only the outcomes. The job runs as the user who started it, with their rights, and every change it
 * makes is marked as made by the import. While one batch is written, the next is read and planned on a second
 * thread ({@link BatchesAhead}). A real import of a target that allows it writes two batches at once on two
 * connections ({@link TwoWriters}); batches still commit one after the other, in file order.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobRepository jobs;
    private final ImportFiles files;
    private final ImportTargets targets;
    private final ImportMessages messages;
    private final BackgroundUser backgroundUser;
    private final UserService users;
    private final CompanyImports companies;
    private final ObjectMapper json;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate readOnly;
    private final int batchSize;
    private final boolean bulk;
    private final boolean planAhead;
    private volatile int writers;
    /** Called before a batch of two writers is written; tests use it to order the writers. */
    private volatile TwoWriters.BeforeWrite beforeWrite = (firstRow, alongside) -> { };
    /** Called after each committed batch; tests use it to stop a job as a crash would. */
    private volatile java.util.function.LongConsumer afterBatch = processed -> { };

    ImportRunner(ImportJobRepository jobs, ImportFiles files, ImportTargets targets, ImportMessages messages,
            BackgroundUser backgroundUser, UserService users, CompanyImports companies, ObjectMapper json,
            PlatformTransactionManager transactions, @Value("${kervan.imports.batch-size:500}") int batchSize,
            @Value("${kervan.imports.bulk:true}") boolean bulk,
            @Value("${kervan.imports.plan-ahead:true}") boolean planAhead,
            @Value("${kervan.imports.writers:2}") int writers) {
        this.jobs = jobs;
        this.files = files;
        this.targets = targets;
        this.messages = messages;
        this.backgroundUser = backgroundUser;
        this.users = users;
        this.companies = companies;
        this.json = json;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.batchSize = batchSize;
        this.bulk = bulk;
        this.planAhead = planAhead;
        this.writers = writers;
    }

    /** Runs (or resumes) the job; never throws — a job that cannot go on ends as failed with the reason. */
    void run(UUID jobId) {
        ImportJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.status().finished() || job.status() == ImportStatus.UPLOADED) {
            return;
        }
        if (job.cancelRequested()) {
            jobs.finish(jobId, ImportStatus.CANCELLED, null);
            return;
        }
        try {
            backgroundUser.runAs(job.createdBy(), () -> ChangeOrigin.during("import:" + jobId, () -> {
                execute(job);
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("Import {} failed", jobId, e);
            jobs.finish(jobId, ImportStatus.FAILED, e instanceof ImportFileException f ? message(f, job)
                    : messages.text("import.job.failed", Locale.ENGLISH));
        }
    }

    private void execute(ImportJob job) {
        Locale locale = locale();
        ImportTarget<?> target = targets.get(job.recordType());
        ImportMapping mapping = job.mapping();
        long total = job.totalRows() != null ? job.totalRows() : countRows(job);
        jobs.started(job.id(), total);
        try (ImportFiles.Opened opened = files.open(job.id(), job.fileFormat(), mapping)) {
            jobs.detected(job.id(), opened.encoding(), opened.delimiter(), opened.sheet());
            try {
                mapping.validate(target, opened.reader().header());
            } catch (InvalidInputException e) {
                jobs.finish(job.id(), ImportStatus.FAILED, e.problems().stream()
                        .map(p -> p.field() + ": " + messages.text(p.message(), locale)).reduce((a, b) -> a + "; " + b)
                        .orElse(""));
                return;
            }
            RowProcessor<?> processor = new RowProcessor<>(target, mapping, opened.reader().header(),
                    new ImportContext(users, companies), savepoint, json, bulk);
            jobs.seenKeys(job.id(), seen -> processor.remember(seen.key(), seen.rowNumber()));
            long processed = 0;
            while (processed < job.processedRows() && opened.reader().next() != null) {
                processed++;
            }
            try (BatchesAhead ahead = new BatchesAhead(opened.reader(), processor, batchSize,
                    planAhead ? plan -> asJobUser(job, plan) : null, job.id())) {
                boolean completed = twoWriters(job, target) ? writeTwoAtOnce(job, processor, ahead, processed, locale)
                        : writeOneAfterAnother(job, processor, ahead, processed, locale);
                if (!completed) {
                    jobs.finish(job.id(), ImportStatus.CANCELLED, null);
                    return;
                }
            }
        }
        jobs.finish(job.id(), ImportStatus.COMPLETED, null);
    }

    /** Whether the job's batches are written two at once ({@link TwoWriters}): only planned batches of a real import. */
    private boolean twoWriters(ImportJob job, ImportTarget<?> target) {
        return writers > 1 && planAhead && bulk && !job.dryRun() && target instanceof BatchImportTarget<?> batches
                && batches.writesConcurrently();
    }

    /** Writes the batches one after the other; false when the job was cancelled. */
    private boolean writeOneAfterAnother(ImportJob job, RowProcessor<?> processor, BatchesAhead ahead, long processed,
            Locale locale) {
        while (true) {
            if (jobs.cancelRequested(job.id())) {
                return false;
            }
            BatchesAhead.Batch batch = ahead.next();
            if (batch.rows().isEmpty()) {
                return true;
            }
            processed += batch.rows().size();
            runBatch(job, processor, batch, processed, locale);
            afterBatch.accept(processed);
        }
    }

    /** Writes the batches two at once, committed in file order; false when the job was cancelled. */
    private boolean writeTwoAtOnce(ImportJob job, RowProcessor<?> processor, BatchesAhead ahead, long processed,
            Locale locale) {
        if (jobs.cancelRequested(job.id())) {
            return false;
        }
        try (TwoWriters two = new TwoWriters(job.id(), jobs, batchTransaction, processor,
                outcomes -> save(job, outcomes, locale), work -> inJobContext(job, work), afterBatch,
                (firstRow, alongside) -> beforeWrite.accept(firstRow, alongside))) {
            return two.run(ahead, processed);
        }
    }

    /** Runs a writer thread's work as the job's user, its changes marked as made by the import. */
    private void inJobContext(ImportJob job, Runnable work) {
        backgroundUser.runAs(job.createdBy(), () -> ChangeOrigin.during("import:" + job.id(), () -> {
            work.run();
            return null;
        }));
    }

    /** A batch's planning ahead, on the planning thread: as the job's user, in a read-only transaction. */
    private BulkRows.Plan<?> asJobUser(ImportJob job, Supplier<BulkRows.Plan<?>> plan) {
        return backgroundUser.runAs(job.createdBy(), () -> readOnly.execute(status -> plan.get()));
    }

    void afterEachBatch(java.util.function.LongConsumer listener) {
        this.afterBatch = listener;
    }

    /** For tests: how many batches are written at once (1 or 2), and what is told before each of two writers writes. */
    void writers(int writers, TwoWriters.BeforeWrite beforeWrite) {
        this.writers = writers;
        this.beforeWrite = beforeWrite;
    }

    private void runBatch(ImportJob job, RowProcessor<?> processor, BatchesAhead.Batch batch, long processed, Locale locale) {
        long started = System.currentTimeMillis();
        List<RowOutcome> outcomes = batchTransaction.execute(status -> {
            jobs.commitWithoutWaitingForDisk();
            List<RowOutcome> results = processor.processAll(batch.rows(), batch.plan());
            if (job.dryRun()) {
                status.setRollbackOnly();
            } else {
                store(job, results, processed, started, locale);
            }
            return results;
        });
        if (job.dryRun()) {
            batchTransaction.executeWithoutResult(status -> store(job, outcomes, processed, started, locale));
        }
    }

    private void store(ImportJob job, List<RowOutcome> outcomes, long processed, long started, Locale locale) {
        ImportJobRepository.BatchCounts counts = save(job, outcomes, locale);
        jobs.checkpoint(job.id(), processed, counts, System.currentTimeMillis() - started);
    }

    /** Stores a batch's row outcomes (for undo) and problems; answers its counts for the checkpoint. */
    private ImportJobRepository.BatchCounts save(ImportJob job, List<RowOutcome> outcomes, Locale locale) {
        ImportJobRepository.BatchCounts counts = new ImportJobRepository.BatchCounts();
        List<ImportJobRepository.StoredProblem> problems = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            switch (outcome.outcome()) {
                case CREATED -> counts.created++;
                case UPDATED -> counts.updated++;
                case SKIPPED -> counts.skipped++;
                case FAILED -> counts.failed++;
            }
            outcome.problems().forEach(p -> problems.add(new ImportJobRepository.StoredProblem(outcome.rowNumber(),
                    p.column(), p.value() == null ? null : abbreviate(p.value()),
                    messages.text(p.message(), p.arguments(), locale), "import")));
        }
        if (!job.dryRun()) {
            jobs.saveRows(job.id(), outcomes);
        }
        jobs.saveProblems(job.id(), problems);
        return counts;
    }

    private long countRows(ImportJob job) {
        try (ImportFiles.Opened opened = files.open(job.id(), job.fileFormat(), job.mapping())) {
            long rows = 0;
            while (opened.reader().next() != null) {
                rows++;
            }
            return rows;
        }
    }

    private String message(ImportFileException e, ImportJob job) {
        return messages.text(e.code(), List.of(e.arguments()), localeOf(job.createdBy()));
    }

    private Locale locale() {
        return Locale.forLanguageTag(CurrentUser.get().map(CurrentUser::locale).orElse("en"));
    }

    private Locale localeOf(UUID userId) {
        return Locale.forLanguageTag(users.find(userId).map(u -> u.locale()).orElse("en"));
    }

    private static String abbreviate(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}
