package io.kervan.contacts;

import io.kervan.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of the contact aggregate (the contact row with its e-mails, phones and company links), with
 * optimistic locking on {@code version}. Linked companies come back with the name last seen by this
 * module; {@link ContactService} replaces it with what the reader may see.
 */
@Repository
class ContactRepository {

    static final String COLUMNS = """
            id, first_name, last_name, title, address_line, city, country, tags, notes, owner_id, visible_to_team,
            external_source, external_id, archived_at, created_at, updated_at, created_by, updated_by, version, last_activity_at""";

    /**
     * A contact's row with its e-mails, phones and company links: one round trip instead of four per contact read
     * (the links come as parallel arrays in their order, from one probe of their table).
     */
    private static final String WITH_CHILDREN = "select " + COLUMNS + """
            ,
            array(select email from contact_emails e where e.contact_id = contacts.id order by e.position) as emails,
            array(select phone from contact_phones p where p.contact_id = contacts.id order by p.position) as phones,
            k.company_ids, k.company_names, k.company_roles, k.company_primaries
              from contacts cross join lateral (
                   select array_agg(company_id order by position) as company_ids,
                          array_agg(company_name order by position) as company_names,
                          array_agg(role order by position) as company_roles,
                          array_agg(is_primary order by position) as company_primaries
                     from contact_companies where contact_id = contacts.id) k""";

    private final JdbcClient jdbc;
    private final ContactChildren children;

    ContactRepository(JdbcClient jdbc, ContactChildren children) {
        this.jdbc = jdbc;
        this.children = children;
    }

    Optional<ContactDetails> findById(UUID id) {
        return jdbc.sql(WITH_CHILDREN + " where contacts.id = :id").param("id", id).query(this::map).optional();
    }

    Optional<ContactDetails> findByExternalId(String source, String externalId) {
        return jdbc.sql(WITH_CHILDREN
                + " where contacts.external_source = :source and contacts.external_id = :externalId")
                .param("source", source).param("externalId", externalId).query(this::map).optional();
    }

    /** @param companyNames names of the linked companies, for the search text */
    void insert(UUID id, ContactDraft contact, Map<UUID, String> companyNames, UUID ownerId, UUID actorId,
            String externalSource, String externalId) {
        jdbc.sql("""
                insert into contacts (id, first_name, last_name, title, address_line, city, country, tags, notes,
                    owner_id, visible_to_team, external_source, external_id, search_text, sort_name, first_email,
                    first_phone, primary_company_id, created_at, updated_at, created_by, updated_by, version)
                values (:id, :firstName, :lastName, :title, :address, :city, :country, :tags, :notes, :ownerId,
                    :visibleToTeam, :externalSource, :externalId, :searchText, :sortName, :firstEmail, :firstPhone,
                    :primaryCompanyId, :now, :now, :actor, :actor, 0)""")
                .params(fields(contact, companyNames)).param("id", id).param("ownerId", ownerId)
                .param("externalSource", externalSource).param("externalId", externalId)
                .param("now", Timestamp.from(Instant.now())).param("actor", actorId).update();
        children.insert(id, contact, companyNames);
    }

    /**
     * Writes the new state if {@code expectedVersion} is still current; false when someone else was faster.
     *
     * @param before the contact as read in this transaction, to leave unchanged e-mails, phones and links alone
     */
    boolean update(UUID id, ContactDetails before, ContactDraft contact, Map<UUID, String> companyNames,
            UUID ownerId, UUID actorId, long expectedVersion) {
        boolean updated = jdbc.sql("""
                update contacts set first_name = :firstName, last_name = :lastName, title = :title,
                    address_line = :address, city = :city, country = :country, tags = :tags, notes = :notes,
                    owner_id = :ownerId, visible_to_team = :visibleToTeam, search_text = :searchText,
                    sort_name = :sortName, first_email = :firstEmail, first_phone = :firstPhone,
                    primary_company_id = :primaryCompanyId, updated_at = now(), updated_by = :actor,
                    version = version + 1
                 where id = :id and version = :version""")
                .params(fields(contact, companyNames)).param("id", id).param("ownerId", ownerId)
                .param("actor", actorId).param("version", expectedVersion).update() == 1;
        if (updated) {
            children.update(id, before, contact, companyNames);
        }
        return updated;
    }

    boolean setArchived(UUID id, boolean archived, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update contacts set archived_at = case when :archived then now() else null end,
                    updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("archived", archived).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
    }

    /**
     * Notes that an activity happened on these contacts at {@code at}; a later activity logged earlier
     * wins. Changes no version: an open edit form must not go stale because a call was logged.
     */
    void touchActivity(java.util.Collection<UUID> ids, Instant at) {
        jdbc.sql("""
                update contacts set last_activity_at = greatest(coalesce(last_activity_at, :at), :at)
                 where id = any(:ids)""")
                .param("ids", ids.toArray(UUID[]::new)).param("at", Timestamp.from(at)).update();
    }

    /**
     * Takes a company's new name into the links to it and the search text of the contacts linked to it,
     * unless a later rename was applied already. Changes no version: the contacts themselves did not change.
     *
     * @return how many contacts were refreshed
     */
    int companyRenamed(UUID companyId, String name, Instant renamedAt) {
        List<UUID> contactIds = jdbc.sql("""
                update contact_companies set company_name = :name, name_event_at = :at
                 where company_id = :companyId and (name_event_at is null or name_event_at < :at)
                returning contact_id""")
                .param("name", name).param("at", Timestamp.from(renamedAt)).param("companyId", companyId)
                .query(UUID.class).list();
        for (UUID contactId : contactIds) {
            findById(contactId).ifPresent(contact -> jdbc.sql("update contacts set search_text = :searchText where id = :id")
                    .param("searchText", ContactRules.searchText(contact.toDraft(), names(contact).values()))
                    .param("id", contactId).update());
        }
        return contactIds.size();
    }

    /** The stored (last seen) names of a contact's linked companies. */
    static Map<UUID, String> names(ContactDetails contact) {
        Map<UUID, String> names = new HashMap<>();
        contact.companies().forEach(c -> names.put(c.companyId(), c.companyName()));
        return names;
    }

    private static Map<String, Object> fields(ContactDraft c, Map<UUID, String> companyNames) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("firstName", c.firstName());
        fields.put("lastName", c.lastName());
        fields.put("title", c.title());
        fields.put("address", c.addressLine());
        fields.put("city", c.city());
        fields.put("country", c.country());
        fields.put("tags", c.tags().toArray(String[]::new));
        fields.put("notes", c.notes());
        fields.put("visibleToTeam", c.visibleToTeam());
        fields.put("searchText", ContactRules.searchText(c,
                c.companies().stream().map(link -> companyNames.get(link.companyId())).toList()));
        fields.put("sortName", ContactRules.sortName(c));
        ContactListColumns list = ContactListColumns.of(c);
        fields.put("firstEmail", list.firstEmail());
        fields.put("firstPhone", list.firstPhone());
        fields.put("primaryCompanyId", list.primaryCompanyId());
        return fields;
    }

    /** The company links read with the row ({@link #WITH_CHILDREN}), in their order. */
    private static List<ContactDetails.LinkedCompany> companies(ResultSet rs) throws SQLException {
        List<UUID> ids = Rows.uuids(rs, "company_ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> names = Rows.strings(rs, "company_names");
        List<String> roles = Rows.strings(rs, "company_roles");
        Boolean[] primaries = (Boolean[]) rs.getArray("company_primaries").getArray();
        List<ContactDetails.LinkedCompany> companies = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            companies.add(new ContactDetails.LinkedCompany(ids.get(i), names.get(i), roles.get(i), primaries[i]));
        }
        return companies;
    }

    private ContactDetails map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new ContactDetails(id, rs.getString("first_name"), rs.getString("last_name"), rs.getString("title"),
                Rows.strings(rs, "emails"), Rows.strings(rs, "phones"), companies(rs),
                rs.getString("address_line"),
                rs.getString("city"), rs.getString("country"), Rows.strings(rs, "tags"), rs.getString("notes"),
                rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"),
                rs.getString("external_source"), rs.getString("external_id"), Rows.instant(rs, "archived_at"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getObject("created_by", UUID.class),
                rs.getObject("updated_by", UUID.class), rs.getLong("version"),
                Rows.instant(rs, "last_activity_at"));
    }
}
