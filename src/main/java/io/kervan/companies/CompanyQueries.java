package io.kervan.companies;

import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Keyset;
import io.kervan.shared.KeysetQuery;
import io.kervan.shared.OwnerRanges;
import io.kervan.shared.Rows;
import io.kervan.shared.SearchWords;
import io.kervan.shared.Slice;
import java.sql.Timestamp;
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
    private final SearchWords searchWords;

    CompanyQueries(JdbcClient jdbc, SearchWords searchWords) {
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    Slice<CompanySummary> list(VisibilityScope scope, CompanyFilter filter, Keyset.Sort sort, Keyset.Cursor cursor,
            int limit) {
        return KeysetQuery.over("c")
                .where(scope.sqlPredicate("c"), scope.sqlParameters())
                .archived(filter.includeArchived())
                .search(searchWords.parse("companies", filter.query()))
                .whereEquals("c.owner_id", "ownerId", filter.ownerId())
                .ownerRanges(OwnerRanges.narrowed(scope.ownerRanges(), filter.ownerId()), UPDATED)
                .searchTextFollows(NAME)
                .page(jdbc, "c.id, c.name, c.sector, c.city, c.phone, c.email, c.owner_id, c.archived_at, c.updated_at",
                        "companies c", sort, cursor, limit, CompanyQueries::summary, CompanySummary::id);
    }

    private static CompanySummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CompanySummary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("sector"),
                rs.getString("city"), rs.getString("phone"), rs.getString("email"), rs.getObject("owner_id", UUID.class),
                rs.getTimestamp("archived_at") != null, Rows.instant(rs, "updated_at"));
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
}
