package io.kervan.contacts;

import io.kervan.shared.Rows;
import io.kervan.shared.database.CopyRows;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of many contacts at once, for bulk imports: one query reads a whole batch (with its e-mails,
 * phones and links), and writes go out per table — new rows with {@code COPY}, updates as JDBC batches — instead
 * of a dozen round trips per contact. Writes the same columns, derived values ({@link ContactRules#searchText},
 * {@link ContactRules#sortName}) and child rows as {@link ContactRepository}.
 */
@Repository
class ContactBatchRepository {

    private static final int JDBC_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    ContactBatchRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /** A normalised contact to write, with what the row needs besides the draft. */
    record Write(UUID id, ContactDraft contact, Map<UUID, String> companyNames, UUID ownerId, String externalSource,
            String externalId, long expectedVersion) {
    }

    /** The stored contacts among {@code ids}, by id, with their children — in five queries, not five per contact. */
    Map<UUID, ContactDetails> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, List<String>> emails = strings("select contact_id, email from contact_emails where contact_id = any(:ids) order by contact_id, position", array);
        Map<UUID, List<String>> phones = strings("select contact_id, phone from contact_phones where contact_id = any(:ids) order by contact_id, position", array);
        Map<UUID, List<ContactDetails.LinkedCompany>> companies = new HashMap<>();
        jdbc.sql("""
                select contact_id, company_id, company_name, role, is_primary from contact_companies
                 where contact_id = any(:ids) order by contact_id, position""")
                .param("ids", array).query((java.sql.ResultSet rs) -> {
                    companies.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ContactDetails.LinkedCompany(rs.getObject(2, UUID.class), rs.getString(3),
                                    rs.getString(4), rs.getBoolean(5)));
                });
        Map<UUID, ContactDetails> found = new LinkedHashMap<>();
        jdbc.sql("select " + ContactRepository.COLUMNS + " from contacts where id = any(:ids)").param("ids", array)
                .query((java.sql.ResultSet rs) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    found.put(id, new ContactDetails(id, rs.getString("first_name"), rs.getString("last_name"),
                            rs.getString("title"), emails.getOrDefault(id, List.of()), phones.getOrDefault(id, List.of()),
                            companies.getOrDefault(id, List.of()), rs.getString("address_line"), rs.getString("city"),
                            rs.getString("country"), Rows.strings(rs, "tags"), rs.getString("notes"),
                            rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"),
                            rs.getString("external_source"), rs.getString("external_id"), Rows.instant(rs, "archived_at"),
                            Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                            rs.getObject("created_by", UUID.class), rs.getObject("updated_by", UUID.class),
                            rs.getLong("version"), Rows.instant(rs, "last_activity_at")));
                });
        return found;
    }

    private Map<UUID, List<String>> strings(String sql, UUID[] ids) {
        Map<UUID, List<String>> values = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query((java.sql.ResultSet rs) -> {
            values.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return values;
    }

    void insertAll(List<Write> writes, UUID actorId) {
        if (writes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        CopyRows contacts = new CopyRows("contacts", "id", "first_name", "last_name", "title", "address_line", "city",
                "country", "tags", "notes", "owner_id", "visible_to_team", "external_source", "external_id",
                "search_text", "sort_name", "first_email", "first_phone", "primary_company_id", "created_at",
                "updated_at", "created_by", "updated_by", "version");
        for (Write w : writes) {
            ContactDraft c = w.contact();
            ContactListColumns list = ContactListColumns.of(c);
            contacts.row(w.id(), c.firstName(), c.lastName(), c.title(), c.addressLine(), c.city(), c.country(),
                    c.tags(), c.notes(), w.ownerId(), c.visibleToTeam(), w.externalSource(), w.externalId(),
                    searchText(w), ContactRules.sortName(c), list.firstEmail(), list.firstPhone(),
                    list.primaryCompanyId(), now, now, actorId, actorId, 0);
        }
        contacts.copyInto(dataSource);
        insertChildren(writes);
    }

    /** @return per write whether it went through; one that did not met a newer version (someone else was faster) */
    boolean[] updateAll(List<Write> writes, UUID actorId) {
        boolean[] updated = new boolean[writes.size()];
        if (writes.isEmpty()) {
            return updated;
        }
        int[][] counts = template.batchUpdate("""
                update contacts set first_name = ?, last_name = ?, title = ?, address_line = ?, city = ?, country = ?,
                    tags = ?, notes = ?, owner_id = ?, visible_to_team = ?, search_text = ?, sort_name = ?,
                    first_email = ?, first_phone = ?, primary_company_id = ?, updated_at = now(), updated_by = ?,
                    version = version + 1
                 where id = ? and version = ?""", writes, JDBC_BATCH, (ps, w) -> {
            ContactDraft c = w.contact();
            ContactListColumns list = ContactListColumns.of(c);
            ps.setString(1, c.firstName());
            ps.setString(2, c.lastName());
            ps.setString(3, c.title());
            ps.setString(4, c.addressLine());
            ps.setString(5, c.city());
            ps.setString(6, c.country());
            ps.setArray(7, textArray(ps.getConnection(), c.tags()));
            ps.setString(8, c.notes());
            ps.setObject(9, w.ownerId());
            ps.setBoolean(10, c.visibleToTeam());
            ps.setString(11, searchText(w));
            ps.setString(12, ContactRules.sortName(c));
            ps.setString(13, list.firstEmail());
            ps.setString(14, list.firstPhone());
            ps.setObject(15, list.primaryCompanyId());
            ps.setObject(16, actorId);
            ps.setObject(17, w.id());
            ps.setLong(18, w.expectedVersion());
        });
        List<Write> written = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                updated[i] = count > 0;
                if (updated[i]) {
                    written.add(writes.get(i));
                }
                i++;
            }
        }
        replaceChildren(written);
        return updated;
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static String searchText(Write w) {
        return ContactRules.searchText(w.contact(),
                w.contact().companies().stream().map(link -> w.companyNames().get(link.companyId())).toList());
    }

    /**
     * Writes the e-mails, phones and company links of {@code writes}. E-mails and phones go out with {@code COPY}:
     * the contacts are new or their old ones were just deleted. Links are upserted (see {@link #replaceChildren}).
     */
    private void insertChildren(List<Write> writes) {
        CopyRows emails = new CopyRows("contact_emails", "contact_id", "position", "email");
        CopyRows phones = new CopyRows("contact_phones", "contact_id", "position", "phone");
        List<Object[]> links = new ArrayList<>();
        for (Write w : writes) {
            for (int i = 0; i < w.contact().emails().size(); i++) {
                emails.row(w.id(), i, w.contact().emails().get(i));
            }
            for (int i = 0; i < w.contact().phones().size(); i++) {
                phones.row(w.id(), i, w.contact().phones().get(i));
            }
            for (int i = 0; i < w.contact().companies().size(); i++) {
                ContactDraft.CompanyLink link = w.contact().companies().get(i);
                links.add(new Object[] {w.id(), link.companyId(), (short) i, link.role(), link.isPrimary(),
                        w.companyNames().getOrDefault(link.companyId(), "")});
            }
        }
        emails.copyInto(dataSource);
        phones.copyInto(dataSource);
        batch("""
                insert into contact_companies (contact_id, company_id, position, role, is_primary, company_name)
                values (?, ?, ?, ?, ?, ?)
                on conflict (contact_id, company_id) do update set position = excluded.position,
                    role = excluded.role, is_primary = excluded.is_primary, company_name = excluded.company_name""",
                links);
    }

    /**
     * As {@link ContactChildren#replace} for many contacts: e-mails and phones are rewritten, links updated
     * in place so that the rename bookkeeping of a company that stays linked survives.
     */
    private void replaceChildren(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        UUID[] ids = writes.stream().map(Write::id).toArray(UUID[]::new);
        jdbc.sql("delete from contact_emails where contact_id = any(:ids)").param("ids", ids).update();
        jdbc.sql("delete from contact_phones where contact_id = any(:ids)").param("ids", ids).update();
        List<Object[]> dropped = new ArrayList<>();
        for (Write w : writes) {
            UUID[] kept = w.contact().companies().stream().map(ContactDraft.CompanyLink::companyId).toArray(UUID[]::new);
            dropped.add(new Object[] {w.id(), kept});
        }
        template.batchUpdate("delete from contact_companies where contact_id = ? and not (company_id = any(?))", dropped,
                JDBC_BATCH, (ps, args) -> {
                    ps.setObject(1, args[0]);
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", (Object[]) args[1]));
                });
        // Clear the old primaries first: the one-primary index is checked row by row.
        jdbc.sql("update contact_companies set is_primary = false where contact_id = any(:ids) and is_primary")
                .param("ids", ids).update();
        insertChildren(writes);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(sql, rows, JDBC_BATCH, (ps, args) -> {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
            });
        }
    }
}
