package io.kervan.shared.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Many new rows for one table, sent with PostgreSQL's {@code COPY … FROM STDIN} on the current transaction's
 * connection. For bulk writes (import batches and their bookkeeping): a thousand rows cost one message instead of
 * statements the server parses, binds and plans, and each string is encoded once (a bound parameter is encoded to
 * UTF-8 twice by the driver). Triggers, constraints and indexes apply as they do for {@code INSERT}; there is no
 * {@code ON CONFLICT}, so it is for rows whose keys are new. Values are written in {@code COPY}'s text format:
 * {@code null} as {@code \N}; strings, UUIDs, numbers, booleans and JSON documents (given as their text) as text
 * with backslash, tab, newline and carriage return escaped; instants and timestamps in ISO-8601; collections of
 * strings as {@code text[]} literals.
 */
public final class CopyRows {

    private final String statement;
    private final int columns;
    private final StringBuilder text = new StringBuilder(64 * 1024);
    private int rows;

    /** Rows for {@code table}, with values in the order of {@code columns}. */
    public CopyRows(String table, String... columns) {
        this.statement = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        this.columns = columns.length;
    }

    /** Adds a row: one value per column, in the order the constructor named them. */
    public CopyRows row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
        return this;
    }

    /**
     * Sends the rows on the connection of the transaction in progress (or a connection of its own when there is
     * none), so that they commit or roll back with the rest of it.
     *
     * @return the number of rows written
     */
    public long copyInto(DataSource dataSource) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
            try {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new SQLExceptionSubclassTranslator().translate("COPY", statement, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void append(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            escaped(s);
        } else if (value instanceof UUID || value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Instant instant) {
            text.append(instant);
        } else if (value instanceof Timestamp timestamp) {
            text.append(timestamp.toInstant());
        } else if (value instanceof Collection<?> strings) {
            escaped(arrayLiteral(strings));
        } else {
            throw new IllegalArgumentException("No COPY text for " + value.getClass().getName());
        }
    }

    /** A {@code text[]} literal: every element quoted, so that commas, braces, blanks and "NULL" stay text. */
    private static String arrayLiteral(Collection<?> strings) {
        StringBuilder literal = new StringBuilder("{");
        for (Object element : strings) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            String s = element.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private void escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
