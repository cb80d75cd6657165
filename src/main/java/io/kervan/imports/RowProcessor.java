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
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns one row into its outcome: converts and checks the values, finds the stored record by the match
 * key, refuses repeats within the file, and writes through the target module in a savepoint — so a row
 * the module refuses fails alone while the rest of its batch goes on.
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
    private final Map<String, Long> seen = new HashMap<>();

    RowProcessor(ImportTarget<D> target, ImportMapping mapping, List<String> header, ImportContext context,
            TransactionTemplate savepoint, ObjectMapper json) {
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

    RowOutcome process(TableRow row) {
        if (row.problem() != null) {
            return RowOutcome.failed(row.number(), row.problem());
        }
        if (ragged(row)) {
            return RowOutcome.failed(row.number(), List.of(new RowValues.Problem(null, null, "import.row.ragged",
                    List.of(row.cells().size(), columns))));
        }
        RowValues values = new RowValues(row, headerIndex, mapping, conversions);
        String key = dedupeKey == null ? null : target.keyValue(dedupeKey, values);
        String normalizedKey = key == null ? null : target.normalizedKey(dedupeKey, key);
        if (normalizedKey != null) {
            Long first = seen.get(normalizedKey);
            if (first != null) {
                return new RowOutcome(row.number(), RowOutcome.Outcome.SKIPPED, null, null, null, null,
                        List.of(new RowValues.Problem(values.column(dedupeKey), key, "import.row.repeated",
                                List.of(first))));
            }
        }
        RowOutcome outcome = savepoint.execute(status -> {
            try {
                RowOutcome result = write(row.number(), values, normalizedKey);
                if (result.outcome() == RowOutcome.Outcome.FAILED) {
                    status.setRollbackOnly();
                }
                return result;
            } catch (RuntimeException e) {
                status.setRollbackOnly();
                return RowOutcome.failed(row.number(), problems(values, e));
            }
        });
        if (normalizedKey != null && outcome.outcome() != RowOutcome.Outcome.FAILED && seen.size() < MAX_REMEMBERED_KEYS) {
            seen.put(normalizedKey, row.number());
        }
        return outcome;
    }

    /** More cells than the header has (with values in them), or fewer: the columns have slipped. */
    private boolean ragged(TableRow row) {
        int size = row.cells().size();
        if (size > columns) {
            return row.cells().subList(columns, size).stream().anyMatch(c -> c != null);
        }
        return size < columns;
    }

    private RowOutcome write(long rowNumber, RowValues values, String normalizedKey) {
        String matchOn = mapping.matchOn();
        ImportMatch existing = null;
        if (matchOn != null) {
            String keyValue = target.keyValue(matchOn, values);
            if (keyValue == null) {
                if (mapping.mode().equals("update")) {
                    values.problem(matchOn, null, "import.row.keyMissing");
                    return RowOutcome.failed(rowNumber, values.problems());
                }
            } else {
                List<ImportMatch> matches = target.find(matchOn, keyValue);
                if (matches.size() > 1) {
                    return RowOutcome.failed(rowNumber, List.of(new RowValues.Problem(values.column(matchOn), keyValue,
                            "import.row.ambiguous", List.of(matches.size()))));
                }
                existing = matches.isEmpty() ? null : matches.get(0);
            }
        }
        if (existing != null && mapping.mode().equals("create")) {
            return RowOutcome.skipped(rowNumber, normalizedKey, "import.row.exists");
        }
        if (existing == null && mapping.mode().equals("update")) {
            return RowOutcome.skipped(rowNumber, normalizedKey, "import.row.notFound");
        }
        D stored = existing == null ? null : target.load(existing.id());
        D draft = target.draft(values, stored, context);
        if (values.hasProblems()) {
            return RowOutcome.failed(rowNumber, values.problems());
        }
        if (existing == null) {
            String externalId = "externalId".equals(matchOn) || values.mapped("externalId") ? values.text("externalId") : null;
            ImportMatch created = target.create(draft, externalId);
            return new RowOutcome(rowNumber, RowOutcome.Outcome.CREATED, created.id(), created.version(), normalizedKey,
                    null, List.of());
        }
        if (draft.equals(stored)) {
            return new RowOutcome(rowNumber, RowOutcome.Outcome.SKIPPED, null, null, normalizedKey, null,
                    List.of(new RowValues.Problem(null, null, "import.row.unchanged")));
        }
        ImportMatch updated = target.update(existing.id(), draft, existing.version());
        return new RowOutcome(rowNumber, RowOutcome.Outcome.UPDATED, updated.id(), updated.version(), normalizedKey,
                json.writeValueAsString(stored), List.of());
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
