package io.kervan.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keyset (cursor) paging: every page is an index range scan, at page 1 or page 1,000, with no
 * {@code count(*)} and no {@code OFFSET}. Sort keys come from a per-list whitelist, so no user
 * input ever reaches the SQL text. Rows are ordered by (sort expression, id).
 */
public final class Keyset {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Keyset() {
    }

    /** How a cursor's value is compared: sort expressions keep their own type so that an index can serve them. */
    public enum Kind {
        TEXT(":keysetValue"),
        TIMESTAMP("cast(:keysetValue as timestamptz)"),
        NUMERIC("cast(:keysetValue as numeric)"),
        DATE("cast(:keysetValue as date)");

        private final String parameter;

        Kind(String parameter) {
            this.parameter = parameter;
        }
    }

    /** A sortable column: the API key ("name"), the SQL expression over the row and how to compare it. */
    public record Column(String key, String sql, Kind kind) {
    }

    public record Sort(Column column, boolean descending) {

        /** {@code "name"} or {@code "-updatedAt"}: the form the API's {@code sort} parameter takes. */
        public String asParameter() {
            return (descending ? "-" : "") + column.key();
        }

        public String orderBy(String idColumn) {
            String direction = descending ? " desc" : " asc";
            return column.sql() + direction + ", " + idColumn + direction;
        }

        /** The SQL condition that starts the page after the cursor; binds {@code :keysetValue} and {@code :keysetId}. */
        public String after(String idColumn) {
            String value = column.kind().parameter;
            return "(" + column.sql() + ", " + idColumn + ") " + (descending ? "<" : ">") + " (" + value + ", :keysetId)";
        }

        /** Select-list expression that yields the text the next cursor is built from. */
        public String valueExpression() {
            return "cast(" + column.sql() + " as text)";
        }
    }

    /** Parses {@code sort} against the allowed columns; unknown keys are a field error. */
    public static Sort parseSort(String sort, List<Column> allowed, Sort fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        return allowed.stream().filter(c -> c.key().equals(key)).findFirst()
                .map(c -> new Sort(c, descending))
                .orElseThrow(() -> new InvalidInputException("sort", "validation.sort"));
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidInputException("limit", "validation.limit");
        }
        return requested;
    }

    /** The position after the last row of a page. */
    public record Cursor(String value, UUID id) {

        public String encode() {
            String raw = (value == null ? "" : value) + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** Decodes a cursor from a request; a damaged cursor is a field error, not a 500. */
        public static Cursor decode(String encoded) {
            if (encoded == null || encoded.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                if (raw.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("NUL in cursor");
                }
                int newline = raw.lastIndexOf('\n');
                UUID id = UUID.fromString(raw.substring(newline + 1));
                return new Cursor(raw.substring(0, newline), id);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "validation.cursor");
            }
        }
    }

    /** Bind values for {@link Sort#after(String)}. */
    public static Map<String, Object> params(Cursor cursor) {
        return Map.of("keysetValue", cursor.value(), "keysetId", cursor.id());
    }
}
