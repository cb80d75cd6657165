package io.kervan.imports;

import io.kervan.imports.reading.TableRow;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.ConflictException;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.imports.ImportMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns one row into its outcome: converts and checks the values, finds the stored record by the match
 * key, refuses repeats within the file, and writes through the target module in a savepoint — so a row
 * the module refuses fails alone while the rest of its batch goes on. For a target with a bulk path the
 * same decisions are made for a whole batch at once by {@link BulkRows}.
 */
final class RowProcessor<D> {

    /** Repeats are remembered for this many distinct keys; a bigger file is still correct, repeats beyond are caught by the database match. */
    private static final int MAX_REMEMBERED_KEYS = 5_000_000;

    private final ImportTarget<D> target;
    private final ImportMapping mapping;
    private final Map<String, Integer> headerIndex = new HashMap<>();
    private final int columns;
    private final ValueConversions conversions;
    private final ImportContext context;
    private final TransactionTemplate savepoint;
    private final ObjectMapper json;
    private final String dedupeKey;
    /** Keys imported so far, with their row; read while a batch is planned ahead on another thread. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final boolean bulk;

    RowProcessor(ImportTarget<D> target, ImportMapping mapping, List<String> header, ImportContext context,
            TransactionTemplate savepoint, ObjectMapper json) {
        this(target, mapping, header, context, savepoint, json, true);
    }

    /** @param bulk whether to use the target's bulk path when it has one */
    RowProcessor(ImportTarget<D> target, ImportMapping mapping, List<String> header, ImportContext context,
            TransactionTemplate savepoint, ObjectMapper json, boolean bulk) {
        this.bulk = bulk;
        this.target = target;
        this.mapping = mapping;
        for (int i = 0; i < header.size(); i++) {
            headerIndex.putIfAbsent(header.get(i), i);
        }
        this.columns = header.size();
        this.conversions = new ValueConversions(mapping.dateFormat(), mapping.usesDecimalComma());
        this.context = context;
        this.savepoint = savepoint;
        this.json = json;
        String key = mapping.matchOn() != null ? mapping.matchOn() : target.matchKeys().get(0);
        ImportField keyField = target.field(key);
        boolean keyInFile = mapping.mappedColumns().containsValue(key) || (keyField != null
                && keyField.alternatives().stream().anyMatch(mapping.mappedColumns()::containsValue));
        this.dedupeKey = keyInFile ? key : null;
    }

    /** A key seen in an earlier run of the same job. */
    void remember(String key, long rowNumber) {
        seen.putIfAbsent(key, rowNumber);
    }

    /** A row after the checks that need no database: either decided already or ready to be written. */
    record Prepared(TableRow row, RowValues values, String normalizedKey, RowOutcome decided) {

        long number() {
            return row.number();
        }
    }

    RowOutcome process(TableRow row) {
        Prepared prepared = prepare(row);
        if (prepared.decided() != null) {
            return prepared.decided();
        }
        RowOutcome outcome = savepoint.execute(status -> {
            try {
                RowOutcome result = write(prepared);
                if (result.outcome() == RowOutcome.Outcome.FAILED) {
                    status.setRollbackOnly();
                }
                return result;
            } catch (RuntimeException e) {
                status.setRollbackOnly();
                return refused(prepared, e);
            }
        });
        remember(prepared, outcome);
        return outcome;
    }

    /**
     * The outcomes of a batch of rows, in order: through the target's bulk path when it has one, else row
     * by row.
     */
    List<RowOutcome> processAll(List<TableRow> rows) {
        if (bulk && target instanceof BatchImportTarget<?> batchTarget) {
            return bulkRows(batchTarget).process(rows);
        }
        return rows.stream().map(this::process).toList();
    }

    /**
     * {@link #processAll} for a batch planned ahead by {@link #planAhead}: the plan is written if it still holds,
     * else the batch is decided now.
     */
    @SuppressWarnings("unchecked")
    List<RowOutcome> processAll(List<TableRow> rows, BulkRows.Plan<?> plan) {
        if (plan == null || !(target instanceof BatchImportTarget<?> batchTarget)) {
            return processAll(rows);
        }
        return bulkRows(batchTarget).process(rows, (BulkRows.Plan<D>) plan);
    }

    /** Whether a batch planned ahead can still be written as planned ({@link BulkRows#holds}). */
    @SuppressWarnings("unchecked")
    boolean holds(BulkRows.Plan<?> plan) {
        return bulkRows((BatchImportTarget<?>) target).holds((BulkRows.Plan<D>) plan);
    }

    /** Writes a batch planned ahead whose plan {@link #holds}. */
    @SuppressWarnings("unchecked")
    List<RowOutcome> writePlanned(BulkRows.Plan<?> plan) {
        return bulkRows((BatchImportTarget<?>) target).written((BulkRows.Plan<D>) plan);
    }

    /**
     * Forgets the keys remembered from these rows, whose writing was rolled back to be done again: they are not
     * repeats of themselves.
     */
    void forget(List<TableRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long first = rows.get(0).number();
        long last = rows.get(rows.size() - 1).number();
        seen.values().removeIf(row -> row >= first && row <= last);
    }

    /**
     * Decides a batch ahead of its transaction, while the batch before it is written; {@code null} when this
     * target has no bulk path or the batch needs deciding row after row.
     */
    BulkRows.Plan<?> planAhead(List<TableRow> rows) {
        if (!bulk || !(target instanceof BatchImportTarget<?> batchTarget) || seen.size() >= MAX_REMEMBERED_KEYS) {
            return null;
        }
        return bulkRows(batchTarget).planAhead(rows);
    }

    /** The bulk path over this target (which has one): this row processor's decisions, a batch at a time. */
    @SuppressWarnings("unchecked")
    private BulkRows<D> bulkRows(BatchImportTarget<?> batchTarget) {
        return new BulkRows<>(this, (BatchImportTarget<D>) batchTarget, savepoint, mapping.matchOn());
    }

    /** Whether a row with this key was imported (or skipped) already. */
    boolean seen(String normalizedKey) {
        return seen.containsKey(normalizedKey);
    }

    /** Checks that need no database: the reader's problem, ragged rows, repeats within the file. */
    Prepared prepare(TableRow row) {
        if (row.problem() != null) {
            return new Prepared(row, null, null, RowOutcome.failed(row.number(), row.problem()));
        }
        if (ragged(row)) {
            return new Prepared(row, null, null, RowOutcome.failed(row.number(), List.of(new RowValues.Problem(null,
                    null, "import.row.ragged", List.of(row.cells().size(), columns)))));
        }
        RowValues values = new RowValues(row, headerIndex, mapping, conversions);
        String key = dedupeKey == null ? null : target.keyValue(dedupeKey, values);
        String normalizedKey = key == null ? null : target.normalizedKey(dedupeKey, key);
        if (normalizedKey != null) {
            Long first = seen.get(normalizedKey);
            if (first != null) {
                return new Prepared(row, values, normalizedKey, new RowOutcome(row.number(),
                        RowOutcome.Outcome.SKIPPED, null, null, null, null, List.of(new RowValues.Problem(
                                values.column(dedupeKey), key, "import.row.repeated", List.of(first)))));
            }
        }
        return new Prepared(row, values, normalizedKey, null);
    }

    /** Remembers a row's key once it is imported (or skipped), so that later rows with it are repeats. */
    void remember(Prepared prepared, RowOutcome outcome) {
        if (prepared.normalizedKey() != null && outcome.outcome() != RowOutcome.Outcome.FAILED
                && seen.size() < MAX_REMEMBERED_KEYS) {
            seen.put(prepared.normalizedKey(), prepared.number());
        }
    }

    /** More cells than the header has (with values in them), or fewer: the columns have slipped. */
    private boolean ragged(TableRow row) {
        int size = row.cells().size();
        if (size > columns) {
            return row.cells().subList(columns, size).stream().anyMatch(c -> c != null);
        }
        return size < columns;
    }

    private RowOutcome write(Prepared row) {
        String keyValue = keyValue(row);
        Matched matched = matched(row, keyValue == null ? List.of() : target.find(mapping.matchOn(), keyValue));
        if (matched.decided() != null) {
            return matched.decided();
        }
        ImportMatch existing = matched.existing();
        D stored = existing == null ? null : target.load(existing.id());
        Planned<D> planned = plan(row, existing, stored);
        if (planned.decided() != null) {
            return planned.decided();
        }
        if (existing == null) {
            return created(row, target.create(planned.draft(), externalId(row.values())));
        }
        return updated(row, target.update(existing.id(), planned.draft(), existing.version()), stored);
    }

    /** The row's value of the match key, {@code null} when there is no match key or the row has none. */
    String keyValue(Prepared row) {
        return mapping.matchOn() == null ? null : target.keyValue(mapping.matchOn(), row.values());
    }

    /** The stored record a row is matched to ({@code null}: none, create), or the row's outcome already. */
    record Matched(RowOutcome decided, ImportMatch existing) {
    }

    /** What the mode makes of a row's matches. */
    Matched matched(Prepared row, List<ImportMatch> matches) {
        String matchOn = mapping.matchOn();
        long rowNumber = row.number();
        RowValues values = row.values();
        if (matchOn != null && keyValue(row) == null && mapping.mode().equals("update")) {
            values.problem(matchOn, null, "import.row.keyMissing");
            return new Matched(RowOutcome.failed(rowNumber, values.problems()), null);
        }
        if (matches.size() > 1) {
            return new Matched(RowOutcome.failed(rowNumber, List.of(new RowValues.Problem(values.column(matchOn),
                    keyValue(row), "import.row.ambiguous", List.of(matches.size())))), null);
        }
        ImportMatch existing = matches.isEmpty() ? null : matches.get(0);
        if (existing != null && mapping.mode().equals("create")) {
            return new Matched(RowOutcome.skipped(rowNumber, row.normalizedKey(), "import.row.exists"), null);
        }
        if (existing == null && mapping.mode().equals("update")) {
            return new Matched(RowOutcome.skipped(rowNumber, row.normalizedKey(), "import.row.notFound"), null);
        }
        return new Matched(null, existing);
    }

    /** The draft to write, or the row's outcome when there is nothing to write. */
    record Planned<D>(RowOutcome decided, D draft) {
    }

    Planned<D> plan(Prepared row, ImportMatch existing, D stored) {
        D draft = target.draft(row.values(), stored, context);
        if (row.values().hasProblems()) {
            return new Planned<>(RowOutcome.failed(row.number(), row.values().problems()), null);
        }
        if (existing != null && draft.equals(stored)) {
            return new Planned<>(new RowOutcome(row.number(), RowOutcome.Outcome.SKIPPED, null, null,
                    row.normalizedKey(), null, List.of(new RowValues.Problem(null, null, "import.row.unchanged"))),
                    null);
        }
        return new Planned<>(null, draft);
    }

    /** The external id a created record keeps, when the file has one. */
    String externalId(RowValues values) {
        return "externalId".equals(mapping.matchOn()) || values.mapped("externalId") ? values.text("externalId") : null;
    }

    RowOutcome created(Prepared row, ImportMatch created) {
        return new RowOutcome(row.number(), RowOutcome.Outcome.CREATED, created.id(), created.version(),
                row.normalizedKey(), null, List.of());
    }

    RowOutcome updated(Prepared row, ImportMatch updated, D stored) {
        return new RowOutcome(row.number(), RowOutcome.Outcome.UPDATED, updated.id(), updated.version(),
                row.normalizedKey(), json.writeValueAsString(stored), List.of());
    }

    /** The row failed because the module refused it (or the database did). */
    RowOutcome refused(Prepared row, RuntimeException e) {
        return RowOutcome.failed(row.number(), problems(row.values(), e));
    }

    /** A module's refusal as row problems, each under the file column of the field it names. */
    private static List<RowValues.Problem> problems(RowValues values, RuntimeException e) {
        List<RowValues.Problem> problems = new ArrayList<>(values.problems());
        if (e instanceof InvalidInputException invalid) {
            invalid.problems().forEach(p -> {
                String field = fieldOf(p.field());
                String column = values.column(field);
                problems.add(new RowValues.Problem(column != null ? column : p.field(),
                        column != null ? values.text(field) : null, p.message()));
            });
        } else if (e instanceof NotAllowedException) {
            problems.add(new RowValues.Problem(null, null, "import.row.notAllowed"));
        } else if (e instanceof RecordNotFoundException) {
            problems.add(new RowValues.Problem(null, null, "import.row.notVisible"));
        } else if (e instanceof StaleVersionException) {
            problems.add(new RowValues.Problem(null, null, "import.row.changedMeanwhile"));
        } else if (e instanceof BusinessRuleException || e instanceof ConflictException) {
            problems.add(new RowValues.Problem(null, null, e.getMessage()));
        } else if (e instanceof DataAccessException) {
            problems.add(new RowValues.Problem(null, null, "import.row.database"));
        } else {
            throw e;
        }
        return problems;
    }

    /** {@code emails[0]} → email, {@code companies[0].companyId} → company, {@code ownerId} → owner. */
    static String fieldOf(String moduleField) {
        String base = moduleField.replaceAll("\\[\\d+].*$", "").replaceAll("\\..*$", "");
        return switch (base) {
            case "emails" -> "email";
            case "phones" -> "phone";
            case "companies", "companyId" -> "company";
            case "ownerId" -> "owner";
            case "pipelineId" -> "pipeline";
            case "stageId" -> "stage";
            case "contactIds" -> "contact";
            default -> base;
        };
    }
}
