package io.kervan.bench.data;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's CSV COPY format, sent with PgJDBC's {@link CopyManager} when
 * {@link #flush(Connection)} is called. A {@code null} is an unquoted empty field (COPY's CSV null); an
 * empty string is {@code ""}. Parents are flushed before children so foreign keys hold at every flush.
 */
final class CopyBuffer {

    private final String table;
    private final String columns;
    private final StringBuilder rows = new StringBuilder(1 << 20);
    private boolean rowStarted;
    private long written;

    CopyBuffer(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    CopyBuffer add(Object value) {
        if (rowStarted) {
            rows.append(',');
        }
        rowStarted = true;
        if (value == null) {
            return this;
        }
        String text = value instanceof Collection<?> c ? arrayLiteral(c) : value.toString();
        rows.append('"').append(text.replace("\"", "\"\"")).append('"');
        return this;
    }

    CopyBuffer endRow() {
        rows.append('\n');
        rowStarted = false;
        written++;
        return this;
    }

    long written() {
        return written;
    }

    int pendingChars() {
        return rows.length();
    }

    void flush(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)",
                    new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
        rows.setLength(0);
    }

    /** A text[] literal; the generator's tags hold no quotes, commas or braces. */
    private static String arrayLiteral(Collection<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (Object v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v).append('"');
        }
        return out.append('}').toString();
    }
}
