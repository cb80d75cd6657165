package io.kervan.imports;

import io.kervan.imports.reading.TableRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one row by record field, after the value maps, with typed access that records a
 * problem (column, value, message) instead of throwing. A field that is not mapped, or blank, is
 * {@code null}: on update it keeps the stored value.
 */
final class RowValues {

    /** A problem of one row, as the errors CSV lists it. */
    record Problem(String column, String value, String message, List<Object> arguments) {

        Problem(String column, String value, String message) {
            this(column, value, message, List.of());
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> columnOf = new HashMap<>();
    private final ValueConversions conversions;
    private final Map<String, java.math.BigDecimal> multipliers;
    private final List<Problem> problems = new ArrayList<>();

    RowValues(TableRow row, Map<String, Integer> headerIndex, ImportMapping mapping, ValueConversions conversions) {
        this.conversions = conversions;
        this.multipliers = mapping.multipliers();
        mapping.mappedColumns().forEach((column, field) -> {
            Integer index = headerIndex.get(column);
            columnOf.put(field, column);
            String raw = index == null ? null : row.cell(index);
            if (raw == null || raw.isBlank()) {
                return;
            }
            String value = raw.strip();
            if (value.startsWith("=")) {
                problem(field, raw, "import.value.formula");
                return;
            }
            Map<String, String> valueMap = mapping.valueMaps().get(field);
            if (valueMap != null && valueMap.containsKey(value)) {
                value = valueMap.get(value);
            }
            if (value != null && !value.isBlank()) {
                values.put(field, value.strip());
            }
        });
        mapping.defaults().forEach((field, value) -> {
            columnOf.putIfAbsent(field, field);
            if (value != null && !value.isBlank() && !values.containsKey(field)) {
                values.put(field, value.strip());
            }
        });
    }

    boolean mapped(String field) {
        return columnOf.containsKey(field);
    }

    String text(String field) {
        return values.get(field);
    }

    BigDecimal decimal(String field) {
        String value = values.get(field);
        BigDecimal number = value == null ? null : conversions.decimal(value).orElseGet(() -> {
            problem(field, value, "import.value.number");
            return null;
        });
        BigDecimal factor = multipliers.get(field);
        return number == null || factor == null ? number : number.multiply(factor);
    }

    LocalDate date(String field) {
        String value = values.get(field);
        return value == null ? null : conversions.date(value).orElseGet(() -> {
            problem(field, value, "import.value.date");
            return null;
        });
    }

    Integer integer(String field) {
        String value = values.get(field);
        return value == null ? null : ValueConversions.integer(value).orElseGet(() -> {
            problem(field, value, "import.value.integer");
            return null;
        });
    }

    Boolean bool(String field) {
        String value = values.get(field);
        return value == null ? null : ValueConversions.bool(value).orElseGet(() -> {
            problem(field, value, "import.value.boolean");
            return null;
        });
    }

    /** A cell holding several values separated by {@code ;} or {@code ,}. */
    List<String> list(String field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Records a problem of a field; the column is the file column mapped to it. */
    void problem(String field, String value, String message) {
        problems.add(new Problem(columnOf.getOrDefault(field, field), value, message));
    }

    void rowProblem(String message) {
        problems.add(new Problem(null, null, message));
    }

    String column(String field) {
        return columnOf.get(field);
    }

    List<Problem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The row's value when it has one, else the stored one (so an update keeps what the file leaves blank). */
    static <T> T or(T value, T stored) {
        return value != null ? value : stored;
    }
}
