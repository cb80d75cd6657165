package io.kervan.shared.export;

import java.util.function.Function;

/**
 * One column of an export.
 *
 * @param headerKey message key of the column's translated header
 * @param value the cell value of a row: a {@code String}, a {@link java.math.BigDecimal} or other
 *        {@link Number} (written as a number), or anything else (written as its {@code toString()})
 */
public record ExportColumn<T>(String headerKey, Function<T, Object> value) {

    public static <T> ExportColumn<T> of(String headerKey, Function<T, Object> value) {
        return new ExportColumn<>(headerKey, value);
    }
}
