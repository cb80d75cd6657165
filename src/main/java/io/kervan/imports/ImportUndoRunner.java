package io.kervan.imports;

import io.kervan.identity.BackgroundUser;
import io.kervan.identity.UserService;
import io.kervan.shared.ChangeOrigin;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Reverts an import in the background, as the user who asked for it: deletes what it created and restores
 * what it updated, newest row first — except records changed since, which are kept and listed (problems of
 * phase {@code undo}). Created records of a target that removes in bulk go a run at a time (one statement, one
 * event), not one by one. Each batch's reverts, its problems and the undo's checkpoint commit together, so an
 * undo stopped by a crash resumes after the last committed batch and never reverts a row twice.
 */
@Component
class ImportUndoRunner {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportUndoRunner.class);

    private final ImportJobRepository jobs;
    private final ImportTargets targets;
    private final ImportMessages messages;
    private final BackgroundUser backgroundUser;
    private final UserService users;
    private final ObjectMapper json;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate savepoint;
    /** Called after each committed batch with the rows reverted so far; tests use it to stop as a crash would. */
    private volatile java.util.function.LongConsumer afterBatch = reverted -> { };

    ImportUndoRunner(ImportJobRepository jobs, ImportTargets targets, ImportMessages messages,
            BackgroundUser backgroundUser, UserService users, ObjectMapper json,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.targets = targets;
        this.messages = messages;
        this.backgroundUser = backgroundUser;
        this.users = users;
        this.json = json;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs (or resumes) the undo of a job marked {@code undoing}; anything else is left alone. */
    void run(UUID jobId) {
        ImportJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.status() != ImportStatus.UNDOING || job.undoBy() == null) {
            return;
        }
        ImportTarget<?> target = targets.get(job.recordType());
        Locale locale = Locale.forLanguageTag(users.find(job.undoBy()).map(u -> u.locale()).orElse("en"));
        backgroundUser.runAs(job.undoBy(), () -> ChangeOrigin.during("import:" + jobId, () -> {
            long before = job.undoBeforeRow() == null ? Long.MAX_VALUE : job.undoBeforeRow();
            while (true) {
                long cursor = before;
                List<ImportJobRepository.WrittenRow> rows = jobs.writtenRows(jobId, cursor, BATCH);
                if (rows.isEmpty()) {
                    break;
                }
                batchTransaction.executeWithoutResult(status -> revertBatch(job, target, rows, locale));
                before = rows.get(rows.size() - 1).rowNumber();
                afterBatch.accept(before);
            }
            jobs.undone(jobId);
            log.info("Import {} undone", jobId);
            return null;
        }));
    }

    void afterEachBatch(java.util.function.LongConsumer listener) {
        this.afterBatch = listener;
    }

    private void revertBatch(ImportJob job, ImportTarget<?> target, List<ImportJobRepository.WrittenRow> rows,
            Locale locale) {
        List<ImportJobRepository.StoredProblem> kept = new ArrayList<>();
        int next = 0;
        while (next < rows.size()) {
            int end = next + 1;
            if (target.removesInBulk() && rows.get(next).outcome() == RowOutcome.Outcome.CREATED) {
                while (end < rows.size() && rows.get(end).outcome() == RowOutcome.Outcome.CREATED) {
                    end++;
                }
            }
            List<ImportJobRepository.WrittenRow> run = rows.subList(next, end);
            String[] problems = run.size() > 1 ? removeAll(target, run) : new String[] {revertAlone(target, run.get(0))};
            for (int r = 0; r < run.size(); r++) {
                if (problems[r] != null) {
                    kept.add(new ImportJobRepository.StoredProblem(run.get(r).rowNumber(), null,
                            run.get(r).recordId().toString(), messages.text(problems[r], locale), "undo"));
                }
            }
            next = end;
        }
        jobs.saveProblems(job.id(), kept);
        jobs.undoCheckpoint(job.id(), rows.get(rows.size() - 1).rowNumber(), rows.size());
    }

    /**
     * Removes a run of created records in one go; a message code per row whose record is kept. If the database
     * refuses the run as a whole (another record refers to one of them), nothing of it was removed and each row
     * goes alone, so only the records in use are kept.
     */
    private String[] removeAll(ImportTarget<?> target, List<ImportJobRepository.WrittenRow> run) {
        Map<UUID, ImportRemoval> removed = savepoint.execute(s -> {
            try {
                return target.deleteAll(run.stream().map(r -> new ImportMatch(r.recordId(), r.recordVersion())).toList());
            } catch (DataIntegrityViolationException e) {
                s.setRollbackOnly();
                return null;
            }
        });
        String[] problems = new String[run.size()];
        for (int r = 0; r < run.size(); r++) {
            problems[r] = removed == null ? revertAlone(target, run.get(r)) : switch (removed.get(run.get(r).recordId())) {
                case DELETED -> null;
                case CHANGED_SINCE -> "import.undo.changedSince";
                case GONE -> "import.undo.gone";
                case NOT_ALLOWED -> "import.row.notAllowed";
            };
        }
        return problems;
    }

    /** Reverts one row in its own savepoint; a message code when the record is kept instead. */
    private String revertAlone(ImportTarget<?> target, ImportJobRepository.WrittenRow row) {
        return savepoint.execute(s -> {
            String result = revert(target, row);
            if (result != null) {
                s.setRollbackOnly();
            }
            return result;
        });
    }

    /** Reverts one row; a message code when the record is kept instead. */
    private <D> String revert(ImportTarget<D> target, ImportJobRepository.WrittenRow row) {
        try {
            if (row.outcome() == RowOutcome.Outcome.CREATED) {
                return target.delete(row.recordId(), row.recordVersion()) ? null : "import.undo.changedSince";
            }
            D before = json.readValue(row.before(), target.draftType());
            target.update(row.recordId(), before, row.recordVersion());
            return null;
        } catch (StaleVersionException e) {
            return "import.undo.changedSince";
        } catch (RecordNotFoundException e) {
            return "import.undo.gone";
        } catch (NotAllowedException e) {
            return "import.row.notAllowed";
        } catch (DataIntegrityViolationException e) {
            return "import.undo.inUse";
        } catch (InvalidInputException e) {
            return "import.undo.invalid";
        }
    }
}
