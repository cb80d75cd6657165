package io.kervan.companies;

import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Keyset;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.Slice;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Company lists and search: keyset pages over what the user may see. */
@Component
class CompanyQueries {

    static final Keyset.Column NAME = new Keyset.Column("name", "c.sort_name", Keyset.Kind.TEXT);
    static final Keyset.Column CITY = new Keyset.Column("city", "coalesce(c.city, '')", Keyset.Kind.TEXT);
    static final Keyset.Column CREATED = new Keyset.Column("createdAt", "c.created_at", Keyset.Kind.TIMESTAMP);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "c.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(NAME, CITY, CREATED, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(NAME, false);

    private final JdbcClient jdbc;

    CompanyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Slice<CompanySummary> list(VisibilityScope scope, CompanyFilter filter, Keyset.Sort sort, Keyset.Cursor cursor,
            int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        conditions.add(scope.sqlPredicate("c"));
        conditions.add(filter.includeArchived() ? "true" : "c.archived_at is null");
        SearchQuery search = SearchQuery.parse(filter.query());
        if (search != null) {
            conditions.add(search.sqlPredicate("c"));
            params.putAll(search.parameters());
        }
        if (filter.ownerId() != null) {
            conditions.add("c.owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (cursor != null) {
            conditions.add(sort.after("c.id"));
            params.putAll(Keyset.params(cursor));
        }
        params.put("limit", limit + 1);
        String sql = """
                select c.id, c.name, c.sector, c.city, c.phone, c.email, c.owner_id, c.archived_at, c.updated_at,
                       %s as keyset_value
                  from companies c
                 where %s
                 order by %s
                 limit :limit""".formatted(sort.valueExpression(), String.join(" and ", conditions), sort.orderBy("c.id"));
        record Row(CompanySummary summary, String keysetValue) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(new CompanySummary(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("sector"), rs.getString("city"),
                rs.getString("phone"), rs.getString("email"), rs.getObject("owner_id", UUID.class),
                rs.getTimestamp("archived_at") != null, toInstant(rs.getTimestamp("updated_at"))),
                rs.getString("keyset_value"))).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(Row::summary).toList(), null);
        }
        Row last = rows.get(limit - 1);
        return new Slice<>(rows.subList(0, limit).stream().map(Row::summary).toList(),
                new Keyset.Cursor(last.keysetValue(), last.summary().id()).encode());
    }

    /** Names of the given companies that the user may see (for showing a contact's links). */
    Map<UUID, String> visibleNames(VisibilityScope scope, List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select c.id, c.name from companies c where c.id = any(:ids) and " + scope.sqlPredicate("c"))
                .params(scope.sqlParameters()).param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    private static java.time.Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
