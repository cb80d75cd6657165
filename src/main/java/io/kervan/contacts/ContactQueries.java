package io.kervan.contacts;

import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Keyset;
import io.kervan.shared.KeysetQuery;
import io.kervan.shared.OwnerRanges;
import io.kervan.shared.Rows;
import io.kervan.shared.SearchWords;
import io.kervan.shared.Slice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contact lists and search: keyset pages over what the user may see. Rows carry the primary company's
 * id only; {@link ContactService} adds the names the user may see.
 */
@Component
class ContactQueries {

    static final Keyset.Column NAME = new Keyset.Column("name", "c.sort_name", Keyset.Kind.TEXT);
    static final Keyset.Column CITY = new Keyset.Column("city", "coalesce(c.city, '')", Keyset.Kind.TEXT);
    static final Keyset.Column CREATED = new Keyset.Column("createdAt", "c.created_at", Keyset.Kind.TIMESTAMP);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "c.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(NAME, CITY, CREATED, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(NAME, false);

    private final JdbcClient jdbc;
    private final SearchWords searchWords;

    ContactQueries(JdbcClient jdbc, SearchWords searchWords) {
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    /** The columns {@link #summary} reads: the contact's row alone ({@link ContactListColumns}). */
    static final String SUMMARY_COLUMNS = """
            c.id, c.first_name, c.last_name, c.title, c.owner_id, c.archived_at, c.updated_at,
            c.first_email as email, c.first_phone as phone, c.primary_company_id as company_id""";

    Slice<ContactSummary> list(VisibilityScope scope, ContactFilter filter, Keyset.Sort sort, Keyset.Cursor cursor,
            int limit) {
        return filtered(scope, filter).page(jdbc, SUMMARY_COLUMNS, "contacts c", sort, cursor, limit,
                ContactQueries::summary, ContactSummary::id);
    }

    /** The display names of those of {@code ids} the user may see. */
    Map<UUID, String> visibleNames(VisibilityScope scope, List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select c.id, c.first_name, c.last_name from contacts c where c.id = any(:ids) and "
                            + scope.sqlPredicate("c"))
                    .params(scope.sqlParameters()).param("ids", ids.toArray(UUID[]::new))
                    .query(rs -> {
                        names.put(rs.getObject("id", UUID.class),
                                ContactSummary.displayName(rs.getString("first_name"), rs.getString("last_name")));
                    });
        }
        return names;
    }

    /** The contacts (alias {@code c}) the user may see, narrowed by the list filters; shared by lists and exports. */
    KeysetQuery filtered(VisibilityScope scope, ContactFilter filter) {
        KeysetQuery query = KeysetQuery.over("c")
                .where(scope.sqlPredicate("c"), scope.sqlParameters())
                .archived(filter.includeArchived())
                .search(searchWords.parse("contacts", filter.query()))
                .whereEquals("c.owner_id", "ownerId", filter.ownerId())
                .ownerRanges(OwnerRanges.narrowed(scope.ownerRanges(), filter.ownerId()), UPDATED, NAME)
                .searchTextFollows(NAME)
                .postings("contact_search_postings", "contact_search_vocabulary", NAME);
        if (filter.companyId() != null) {
            query.where("exists (select 1 from contact_companies f where f.contact_id = c.id and f.company_id = :companyId)",
                    Map.of("companyId", filter.companyId()));
        }
        return query;
    }

    static ContactSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return summary(rs, (String) null);
    }

    /** The row's summary with the company name given (or {@code null}, to be named for the reader). */
    static ContactSummary summary(java.sql.ResultSet rs, String companyName) throws java.sql.SQLException {
        return new ContactSummary(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("title"), rs.getString("email"), rs.getString("phone"),
                rs.getObject("company_id", UUID.class), companyName, rs.getObject("owner_id", UUID.class),
                rs.getTimestamp("archived_at") != null, Rows.instant(rs, "updated_at"));
    }

    /** The unarchived contacts linked to a company that the user may see, by name. */
    List<CompanyContact> ofCompany(VisibilityScope scope, UUID companyId, int limit) {
        String sql = """
                select c.id, c.first_name, c.last_name, c.title, cc.role, cc.is_primary, c.first_email as email,
                    c.first_phone as phone
                  from contact_companies cc join contacts c on c.id = cc.contact_id
                 where cc.company_id = :companyId and c.archived_at is null and %s
                 order by c.sort_name, c.id
                 limit :limit""".formatted(scope.sqlPredicate("c"));
        return jdbc.sql(sql).params(scope.sqlParameters()).param("companyId", companyId).param("limit", limit)
                .query((rs, n) -> new CompanyContact(rs.getObject("id", UUID.class), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("title"), rs.getString("role"),
                        rs.getBoolean("is_primary"), rs.getString("email"), rs.getString("phone")))
                .list();
    }
}
