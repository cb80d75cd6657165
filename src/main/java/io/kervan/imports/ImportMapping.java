package io.kervan.imports;

import io.kervan.shared.FieldProblem;
import io.kervan.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a file becomes records: the JSON {@code mapping} part of {@code POST /api/v1/imports}, also what
 * saved mappings hold.
 *
 * @param columns file column header → record field
 * @param valueMaps record field → (file value → stored value), e.g. {@code product: {GTXPro: GTX Pro}}
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern tried before ISO dates and Excel serials
 * @param decimalComma whether {@code 1.234,56} means 1234.56
 * @param defaults field → value for rows (or files) that have none, e.g. {@code currency: USD}
 * @param multipliers field → factor for numbers given in other units (revenue in millions: 1000000)
 */
public record ImportMapping(String recordType, String mode, String matchOn, String encoding, String delimiter,
        String sheet, Map<String, String> columns, Map<String, Map<String, String>> valueMaps, String dateFormat,
        Boolean decimalComma, Boolean dryRun, Map<String, String> defaults, Map<String, java.math.BigDecimal> multipliers) {

    public static final List<String> MODES = List.of("create", "update", "upsert");

    public ImportMapping {
        recordType = recordType == null ? null : recordType.strip().toLowerCase(Locale.ROOT);
        mode = mode == null || mode.isBlank() ? "create" : mode.strip().toLowerCase(Locale.ROOT);
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        valueMaps = valueMaps == null ? Map.of() : valueMaps;
        defaults = defaults == null ? Map.of() : defaults;
        multipliers = multipliers == null ? Map.of() : multipliers;
    }

    public ImportMapping(String recordType, String mode, String matchOn, String encoding, String delimiter,
            String sheet, Map<String, String> columns, Map<String, Map<String, String>> valueMaps, String dateFormat,
            Boolean decimalComma, Boolean dryRun) {
        this(recordType, mode, matchOn, encoding, delimiter, sheet, columns, valueMaps, dateFormat, decimalComma, dryRun,
                null, null);
    }

    public boolean usesDecimalComma() {
        return Boolean.TRUE.equals(decimalComma);
    }

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    public ImportMapping withDryRun(boolean dry) {
        return new ImportMapping(recordType, mode, matchOn, encoding, delimiter, sheet, columns, valueMaps, dateFormat,
                decimalComma, dry, defaults, multipliers);
    }

    /** The columns mapped to a field (blank targets mean "do not import"). */
    public Map<String, String> mappedColumns() {
        Map<String, String> mapped = new LinkedHashMap<>();
        columns.forEach((column, field) -> {
            if (column != null && field != null && !field.isBlank()) {
                mapped.put(column, field.strip());
            }
        });
        return mapped;
    }

    /** Checks the mapping against the record type's fields and the file's header. */
    void validate(ImportTarget<?> target, List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!MODES.contains(mode)) {
            problems.add(new FieldProblem("mode", "import.mapping.mode"));
        }
        boolean needsKey = !mode.equals("create") || matchOn != null;
        if (needsKey && (matchOn == null || !target.matchKeys().contains(matchOn))) {
            problems.add(new FieldProblem("matchOn", "import.mapping.matchOn"));
        }
        Map<String, String> mapped = mappedColumns();
        if (mapped.isEmpty()) {
            problems.add(new FieldProblem("columns", "import.mapping.empty"));
        }
        List<String> seenFields = new ArrayList<>();
        mapped.forEach((column, field) -> {
            if (!header.contains(column)) {
                problems.add(new FieldProblem("columns." + column, "import.mapping.columnUnknown"));
            }
            if (target.field(field) == null) {
                problems.add(new FieldProblem("columns." + column, "import.mapping.fieldUnknown"));
            } else if (seenFields.contains(field)) {
                problems.add(new FieldProblem("columns." + column, "import.mapping.fieldTwice"));
            }
            seenFields.add(field);
        });
        defaults.keySet().stream().filter(field -> target.field(field) == null)
                .forEach(field -> problems.add(new FieldProblem("defaults." + field, "import.mapping.fieldUnknown")));
        seenFields.addAll(defaults.keySet());
        if (matchOn != null && target.matchKeys().contains(matchOn) && !seenFields.contains(matchOn)
                && target.field(matchOn).alternatives().stream().noneMatch(seenFields::contains)) {
            problems.add(new FieldProblem("matchOn", "import.mapping.matchOnUnmapped"));
        }
        target.fields().stream().filter(ImportField::required)
                .filter(f -> !seenFields.contains(f.name()) && !(mode.equals("update")))
                .filter(f -> f.alternatives().stream().noneMatch(seenFields::contains))
                .forEach(f -> problems.add(new FieldProblem("field." + f.name(), "import.mapping.requiredUnmapped")));
        if (dateFormat != null && !dateFormat.isBlank()) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("dateFormat", "import.mapping.dateFormat"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
