package io.kervan.shared;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading the column types every record table has from a JDBC row. */
public final class Rows {

    private Rows() {
    }

    /**
     * A {@code timestamptz} column as an Instant, {@code null} when null. Read as an {@code OffsetDateTime}, which
     * the driver parses directly; {@code getTimestamp} goes through a {@code GregorianCalendar} for every value,
     * a few percent of the app's CPU in the benchmark's mixed load (lists and boards read four to eight per row).
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The same by column position (1 for the first), for queries read by position. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A {@code uuid[]} column as a list, empty when null. */
    public static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    /** A {@code text[]} column as a list, empty when null. */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
