package io.kervan.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds one keyset-paged list query over a record table: conditions are added one by one with
 * their bind parameters, and {@link #page} runs it and returns the items with the next cursor.
 * Every condition is SQL written by the calling module; user input only ever arrives as parameters.
 *
 * <pre>{@code
 * KeysetQuery.over("c")
 *     .where(scope.sqlPredicate("c"), scope.sqlParameters())
 *     .archived(filter.includeArchived())
 *     .search(searchWords.parse("companies", filter.query()))
 *     .whereEquals("c.owner_id", "ownerId", filter.ownerId())
 *     .page(jdbc, "c.id, c.name", "companies c", sort, cursor, limit, mapper, CompanySummary::id);
 * }</pre>
 */
public final class KeysetQuery {

    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private KeysetQuery(String alias) {
        this.alias = alias;
    }

    /** A query over the table aliased {@code alias}, which has an {@code id} column. */
    public static KeysetQuery over(String alias) {
        return new KeysetQuery(alias);
    }

    public KeysetQuery where(String condition, Map<String, Object> parameters) {
        conditions.add(condition);
        params.putAll(parameters);
        return this;
    }

    public KeysetQuery where(String condition) {
        return where(condition, Map.of());
    }

    /** {@code column = :parameter}, only when {@code value} is given. */
    public KeysetQuery whereEquals(String column, String parameter, Object value) {
        if (value == null) {
            return this;
        }
        conditions.add(column + " = :" + parameter);
        params.put(parameter, value);
        return this;
    }

    /** Leaves archived rows ({@code archived_at} set) out unless asked for. */
    public KeysetQuery archived(boolean include) {
        return include ? this : where(alias + ".archived_at is null");
    }

    /** Narrows to rows whose {@code search_text} matches every word of {@code search}; no-op when null. */
    public KeysetQuery search(SearchQuery search) {
        return search == null ? this : where(search.sqlPredicate(alias), search.parameters());
    }

    /**
     * Runs the query unpaged — {@code select <columns> from <from> where … order by <sort>, id} — and
     * hands each row to {@code rows} as it is read, {@code fetchSize} rows per round trip, so a list of
     * any length goes through in constant memory (exports). Must run inside a transaction: PostgreSQL's
     * driver fetches through a cursor only then, and reads the whole result into memory otherwise.
     */
    public void stream(JdbcClient jdbc, String columns, String from, Keyset.Sort sort, int fetchSize,
            RowCallbackHandler rows) {
        String sql = "select " + columns + " from " + from
                + " where " + (conditions.isEmpty() ? "true" : String.join(" and ", conditions))
                + " order by " + sort.orderBy(alias + ".id");
        jdbc.sql(sql).params(params).withFetchSize(fetchSize).query(rows);
    }

    /**
     * Runs the query: {@code select <columns> from <from> where id in (select id … where … order by <sort>, id
     * limit n+1)}, in sort order.
     *
     * @param columns select list; must not contain a column called {@code keyset_value} or {@code keyset_id}
     * @param from a single table with its alias (it is read twice: for the page's ids, then for their rows)
     * @param id the id of a mapped row, for the cursor
     */
    public <T> Slice<T> page(JdbcClient jdbc, String columns, String from, Keyset.Sort sort, Keyset.Cursor cursor,
            int limit, RowMapper<T> mapper, Function<T, UUID> id) {
        List<String> all = new ArrayList<>(conditions);
        Map<String, Object> bind = new HashMap<>(params);
        String idColumn = alias + ".id";
        if (cursor != null) {
            all.add(sort.after(idColumn));
            bind.putAll(Keyset.params(cursor));
        }
        bind.put("keysetLimit", limit + 1);
        // The page's ids first, then their rows: the inner query reads only what the conditions and the sort
        // need, so an index that includes those columns serves it without reading the table for every
        // entry it skips (V0070); the outer one reads the page's rows by id.
        String sql = "select " + columns + ", " + sort.valueExpression() + " as keyset_value from " + from
                + " join (select " + idColumn + " as keyset_id from " + from
                + " where " + (all.isEmpty() ? "true" : String.join(" and ", all))
                + " order by " + sort.orderBy(idColumn) + " limit :keysetLimit) keyset_page on keyset_page.keyset_id = "
                + idColumn + " order by " + sort.orderBy(idColumn);
        record Row<T>(T item, String keysetValue) {
        }
        List<Row<T>> rows = jdbc.sql(sql).params(bind)
                .query((rs, n) -> new Row<>(mapper.mapRow(rs, n), rs.getString("keyset_value"))).list();
        List<T> items = rows.stream().limit(limit).map(Row::item).toList();
        if (rows.size() <= limit) {
            return new Slice<>(items, null);
        }
        Row<T> last = rows.get(limit - 1);
        return new Slice<>(items, new Keyset.Cursor(last.keysetValue(), id.apply(last.item())).encode());
    }
}
