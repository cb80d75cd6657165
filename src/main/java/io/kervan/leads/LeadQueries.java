package io.kervan.leads;

import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Keyset;
import io.kervan.shared.Rows;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.SearchWords;
import io.kervan.shared.Slice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lead lists and search: keyset pages over what the user may see. */
@Component
class LeadQueries {

    static final Keyset.Column NAME = new Keyset.Column("name", "l.sort_name", Keyset.Kind.TEXT);
    static final Keyset.Column CREATED = new Keyset.Column("createdAt", "l.created_at", Keyset.Kind.TIMESTAMP);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "l.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(NAME, CREATED, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(CREATED, true);

    private final JdbcClient jdbc;
    private final SearchWords searchWords;

    LeadQueries(JdbcClient jdbc, SearchWords searchWords) {
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    Slice<LeadSummary> list(VisibilityScope scope, LeadFilter filter, Keyset.Sort sort, Keyset.Cursor cursor,
            int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        conditions.add(scope.sqlPredicate("l"));
        conditions.add(filter.includeArchived() ? "true" : "l.archived_at is null");
        SearchQuery search = searchWords.parse("leads", filter.query());
        if (search != null) {
            conditions.add(search.sqlPredicate("l"));
            params.putAll(search.parameters());
        }
        if (filter.status() != null) {
            conditions.add("l.status = :status");
            params.put("status", filter.status());
        }
        if (filter.source() != null) {
            conditions.add("l.source_key = :source");
            params.put("source", filter.source());
        }
        if (filter.ownerId() != null) {
            conditions.add("l.owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (cursor != null) {
            conditions.add(sort.after("l.id"));
            params.putAll(Keyset.params(cursor));
        }
        params.put("limit", limit + 1);
        String sql = """
                select l.id, l.first_name, l.last_name, l.company_name, l.email, l.phone, l.source_key, l.status,
                       l.owner_id, l.archived_at, l.created_at, l.first_response_at, l.converted_at, l.updated_at,
                       %s as keyset_value
                  from leads l
                 where %s
                 order by %s
                 limit :limit""".formatted(sort.valueExpression(), String.join(" and ", conditions), sort.orderBy("l.id"));
        record Row(LeadSummary summary, String keysetValue) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(new LeadSummary(
                rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("company_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("source_key"), rs.getString("status"), rs.getObject("owner_id", UUID.class),
                rs.getTimestamp("archived_at") != null, Rows.instant(rs, "created_at"),
                Rows.instant(rs, "first_response_at"), Rows.instant(rs, "converted_at"),
                Rows.instant(rs, "updated_at")), rs.getString("keyset_value"))).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(Row::summary).toList(), null);
        }
        Row last = rows.get(limit - 1);
        return new Slice<>(rows.subList(0, limit).stream().map(Row::summary).toList(),
                new Keyset.Cursor(last.keysetValue(), last.summary().id()).encode());
    }
}
