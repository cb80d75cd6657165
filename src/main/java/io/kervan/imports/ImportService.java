package io.kervan.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.kervan.identity.CurrentUser;
import io.kervan.imports.reading.ImportFileException;
import io.kervan.imports.reading.TableRow;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The imports module's API: upload, preview, start (as a background job), follow, cancel and undo
 * imports, and read their problems. A user sees their own imports; admins see all.
 */
@Service
public class ImportService {

    static final int PREVIEW_ROWS = 10;

    private final ImportJobRepository jobs;
    private final ImportFiles files;
    private final ImportTargets targets;
    private final ImportMessages messages;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final OneTimeTask<String> undoTask;
    private final long maxFileBytes;

    ImportService(ImportJobRepository jobs, ImportFiles files, ImportTargets targets, ImportMessages messages,
            SchedulerClient scheduler, @Qualifier("importJob") OneTimeTask<String> importJob,
            @Qualifier("importUndo") OneTimeTask<String> importUndo,
            @Value("${kervan.imports.max-file-size:256MB}") DataSize maxFileSize) {
        this.jobs = jobs;
        this.files = files;
        this.targets = targets;
        this.messages = messages;
        this.scheduler = scheduler;
        this.task = importJob;
        this.undoTask = importUndo;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    /** The record types that can be imported, by their plural name. */
    public List<String> recordTypes() {
        return targets.types();
    }

    /**
     * Stores a file and starts importing it as a background job.
     *
     * @throws InvalidInputException when the file cannot be read as a table or the mapping does not fit it
     */
    @Transactional
    public ImportJob start(String fileName, InputStream in, ImportMapping mapping) {
        requireCreator();
        targets.get(mapping.recordType());
        UUID id = store(fileName, in, mapping, ImportStatus.QUEUED);
        ImportJob job = jobs.find(id).orElseThrow();
        checkFile(job, mapping);
        schedule(id);
        return jobs.find(id).orElseThrow();
    }

    /** Stores a file for the mapping step of the UI; nothing is imported yet. */
    @Transactional
    public ImportJob upload(String fileName, InputStream in, String recordType) {
        requireCreator();
        targets.get(recordType);
        ImportMapping mapping = new ImportMapping(recordType, "create", null, "auto", "auto", null, Map.of(), Map.of(),
                null, false, false);
        UUID id = store(fileName, in, mapping, ImportStatus.UPLOADED);
        ImportJob job = jobs.find(id).orElseThrow();
        Preview preview = preview(job, mapping);
        ImportMapping suggested = new ImportMapping(recordType, "create", null, "auto", "auto", preview.sheet(),
                preview.suggestions(), Map.of(), null, false, false);
        jobs.updateMapping(id, suggested);
        return jobs.find(id).orElseThrow();
    }

    /** Starts a job (or dry run) for an uploaded file with the mapping the user settled on. */
    @Transactional
    public ImportJob startFromUpload(UUID uploadId, ImportMapping mapping) {
        ImportJob upload = visible(uploadId);
        if (upload.status() != ImportStatus.UPLOADED) {
            throw new InvalidInputException("id", "import.upload.notAnUpload");
        }
        jobs.updateMapping(uploadId, mapping);
        UUID id = Ids.newId();
        jobs.insert(id, CurrentUser.require().id(), upload.fileName(), upload.fileFormat(), mapping, ImportStatus.QUEUED);
        jobs.copyFile(uploadId, id);
        checkFile(jobs.find(id).orElseThrow(), mapping);
        schedule(id);
        return jobs.find(id).orElseThrow();
    }

    /** After a dry run: the same file and mapping, for real. */
    @Transactional
    public ImportJob runForReal(UUID dryRunId) {
        ImportJob dryRun = visible(dryRunId);
        if (!dryRun.dryRun() || dryRun.uploadId() == null) {
            throw new InvalidInputException("id", "import.upload.notAnUpload");
        }
        return startFromUpload(dryRun.uploadId(), dryRun.mapping().withDryRun(false));
    }

    /** The fields of a record type, in form order. */
    public List<String> fields(String recordType) {
        return targets.get(recordType).fields().stream().map(ImportField::name).toList();
    }

    /** The keys rows of a record type may be matched on. */
    public List<String> matchKeys(String recordType) {
        return targets.get(recordType).matchKeys();
    }

    /** The first rows of an uploaded file as they would be stored, with their problems. */
    @Transactional(readOnly = true)
    public Preview preview(UUID uploadId, ImportMapping mapping) {
        return preview(visible(uploadId), mapping);
    }

    /** The header, detected encoding/delimiter/sheet, suggested mapping and the first rows as read. */
    public record Preview(List<String> header, String encoding, String delimiter, String sheet, List<String> sheets,
            Map<String, String> suggestions, List<PreviewRow> rows, List<String> sample) {

        /** The first data row's cell under a column, as read. */
        public String sampleOf(int column) {
            return column < sample.size() && sample.get(column) != null ? sample.get(column) : "";
        }
    }

    /** One previewed row: the field values as they will be stored and its problems (resolved). */
    public record PreviewRow(long number, Map<String, String> values, List<String> problems) {
    }

    private Preview preview(ImportJob job, ImportMapping mapping) {
        ImportTarget<?> target = targets.get(mapping.recordType());
        Locale locale = locale();
        try (ImportFiles.Opened opened = files.open(job.id(), job.fileFormat(), mapping)) {
            List<String> header = opened.reader().header();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
            ValueConversions conversions = new ValueConversions(validDateFormat(mapping.dateFormat()),
                    mapping.usesDecimalComma());
            List<PreviewRow> rows = new ArrayList<>();
            List<String> sample = List.of();
            TableRow row;
            while (rows.size() < PREVIEW_ROWS && (row = opened.reader().next()) != null) {
                if (rows.isEmpty()) {
                    sample = row.cells().stream().map(c -> c == null ? "" : c.length() > 60 ? c.substring(0, 60) + "…" : c)
                            .toList();
                }
                rows.add(previewRow(target, mapping, row, index, conversions, locale));
            }
            return new Preview(header, opened.encoding(), opened.delimiter(), opened.sheet(), opened.sheets(),
                    ColumnSuggestions.suggest(target, header), rows, sample);
        } catch (ImportFileException e) {
            throw new InvalidInputException(List.of(new FieldProblem("file", messages.text(e.code(),
                    List.of(e.arguments()), Locale.ENGLISH))));
        }
    }

    private PreviewRow previewRow(ImportTarget<?> target, ImportMapping mapping, TableRow row,
            Map<String, Integer> index, ValueConversions conversions, Locale locale) {
        List<String> problems = new ArrayList<>();
        if (row.problem() != null) {
            problems.add(messages.text(row.problem(), locale));
        }
        RowValues values = new RowValues(row, index, mapping, conversions);
        Map<String, String> shown = new LinkedHashMap<>();
        for (String field : mapping.mappedColumns().values()) {
            ImportField spec = target.field(field);
            if (spec == null) {
                continue;
            }
            Object value = switch (spec.kind()) {
                case DECIMAL -> values.decimal(field);
                case DATE -> values.date(field);
                case INTEGER -> values.integer(field);
                case BOOLEAN -> values.bool(field);
                case LIST -> values.list(field);
                case TEXT -> values.text(field);
            };
            shown.put(field, value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString()
                    : value.toString());
        }
        values.problems().forEach(p -> problems.add((p.column() == null ? "" : p.column() + ": ")
                + messages.text(p.message(), p.arguments(), locale)));
        return new PreviewRow(row.number(), shown, problems);
    }

    private static String validDateFormat(String pattern) {
        try {
            if (pattern != null && !pattern.isBlank()) {
                java.time.format.DateTimeFormatter.ofPattern(pattern);
            }
            return pattern;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public ImportJob get(UUID id) {
        return visible(id);
    }

    /** The newest imports of the signed-in user (all users' for an admin). */
    @Transactional(readOnly = true)
    public List<ImportJob> recent(int limit) {
        CurrentUser user = CurrentUser.require();
        return jobs.recent(user.isAdmin() ? null : user.id(), limit);
    }

    @Transactional
    public ImportJob cancel(UUID id) {
        ImportJob job = visible(id);
        if (!job.cancellable()) {
            throw new io.kervan.shared.ConflictException("The import has already ended");
        }
        jobs.requestCancel(id);
        return jobs.find(id).orElseThrow();
    }

    /**
     * Starts reverting an import in the background ({@link ImportUndoRunner}): the job is {@code undoing}
     * until it is {@code undone}, with its progress on the job. Marking the job and scheduling the task commit
     * together (the scheduler client joins the transaction), so a job is never left {@code undoing} without a
     * task to finish it.
     */
    @Transactional
    public ImportJob undo(UUID id) {
        ImportJob job = visible(id);
        if (!job.undoable() || !jobs.startUndo(id, CurrentUser.require().id())) {
            throw new io.kervan.shared.ConflictException("Only a finished, not yet undone import that wrote records can be undone");
        }
        scheduler.schedule(undoTask.instance(id.toString(), id.toString()), Instant.now());
        return jobs.find(id).orElseThrow();
    }

    /** The problems of an import's rows as CSV (row, column, value, message), UTF-8 with BOM for Excel. */
    @Transactional(readOnly = true)
    public void writeErrors(UUID id, java.io.Writer out) {
        visible(id);
        ErrorsCsv.write(out, consumer -> jobs.streamProblems(id, consumer));
    }

    /** Saves a mapping under a name (replacing one of the same name) for the next file of the same kind. */
    @Transactional
    public void saveMapping(String name, ImportMapping mapping) {
        requireCreator();
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty() || cleaned.length() > 100) {
            throw new InvalidInputException("saveAs", "validation.tooLong");
        }
        targets.get(mapping.recordType());
        jobs.saveMapping(Ids.newId(), cleaned, mapping, CurrentUser.require().id());
    }

    @Transactional(readOnly = true)
    public List<SavedMapping> savedMappings(String recordType) {
        return jobs.savedMappings(recordType);
    }

    /** The first problems of one phase ({@code import} or {@code undo}), for the result page. */
    @Transactional(readOnly = true)
    List<ImportJobRepository.StoredProblem> problems(UUID id, String phase, int limit) {
        visible(id);
        return jobs.problems(id, phase, limit);
    }

    private UUID store(String fileName, InputStream in, ImportMapping mapping, ImportStatus status) {
        UUID id = Ids.newId();
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.length() > 300 ? name.substring(name.length() - 300) : name;
        try {
            BufferedInputStream input = new BufferedInputStream(in);
            input.mark(8);
            byte[] start = input.readNBytes(4);
            input.reset();
            String format;
            try {
                format = ImportFiles.format(name, start);
            } catch (ImportFileException e) {
                throw fileProblem(e);
            }
            jobs.insert(id, CurrentUser.require().id(), name, format, mapping, status);
            long size = jobs.storeFile(id, input, maxFileBytes);
            if (size == 0) {
                throw new InvalidInputException("file", "import.file.empty");
            }
        } catch (ImportJobRepository.FileTooLarge e) {
            throw new InvalidInputException("file", "import.file.tooLarge");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** Reads the header before the job is queued, so a wrong file or mapping is refused at once. */
    private void checkFile(ImportJob job, ImportMapping mapping) {
        ImportTarget<?> target = targets.get(mapping.recordType());
        try (ImportFiles.Opened opened = files.open(job.id(), job.fileFormat(), mapping)) {
            mapping.validate(target, opened.reader().header());
            jobs.detected(job.id(), opened.encoding(), opened.delimiter(), opened.sheet());
        } catch (ImportFileException e) {
            throw fileProblem(e);
        }
    }

    private InvalidInputException fileProblem(ImportFileException e) {
        return new InvalidInputException(List.of(new FieldProblem("file",
                messages.text(e.code(), List.of(e.arguments()), Locale.ENGLISH))));
    }

    private void schedule(UUID id) {
        scheduler.schedule(task.instance(id.toString(), id.toString()), Instant.now());
    }

    private ImportJob visible(UUID id) {
        CurrentUser user = CurrentUser.require();
        return jobs.find(id).filter(job -> user.isAdmin() || job.createdBy().equals(user.id()))
                .orElseThrow(() -> new RecordNotFoundException("import", id));
    }

    private static void requireCreator() {
        CurrentUser user = CurrentUser.require();
        if (user.role() == io.kervan.identity.Role.READ_ONLY) {
            throw new NotAllowedException("Your role may not import");
        }
    }

    private static Locale locale() {
        return Locale.forLanguageTag(CurrentUser.get().map(CurrentUser::locale).orElse("en"));
    }
}
