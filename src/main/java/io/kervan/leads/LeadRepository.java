package io.kervan.leads;

import io.kervan.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the lead aggregate, with optimistic locking on {@code version}. */
@Repository
class LeadRepository {

    static final String COLUMNS = """
            id, first_name, last_name, company_name, title, email, phone, source_key, status, disqualified_reason,
            notes, owner_id, visible_to_team, first_response_at, converted_at, converted_contact_id,
            converted_company_id, converted_deal_id, external_source, external_id, archived_at, created_at,
            updated_at, created_by, updated_by, version, last_activity_at""";

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored leads among {@code ids}, by id, in one query. */
    Map<UUID, LeadDetails> findAll(Collection<UUID> ids) {
        Map<UUID, LeadDetails> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from leads where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query(LeadRepository::map).list().forEach(l -> found.put(l.id(), l));
        }
        return found;
    }

    Optional<LeadDetails> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from leads where id = :id").param("id", id)
                .query(LeadRepository::map).optional();
    }

    /** Reads the lead and locks its row until the transaction ends (so two conversions run one after the other). */
    Optional<LeadDetails> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from leads where id = :id for update").param("id", id)
                .query(LeadRepository::map).optional();
    }

    Optional<LeadDetails> findByExternalId(String source, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from leads where external_source = :source and external_id = :externalId")
                .param("source", source).param("externalId", externalId).query(LeadRepository::map).optional();
    }

    void insert(UUID id, LeadDraft lead, UUID ownerId, UUID actorId, String externalSource, String externalId) {
        jdbc.sql("""
                insert into leads (id, first_name, last_name, company_name, title, email, phone, source_key, status,
                    disqualified_reason, notes, owner_id, visible_to_team, external_source, external_id, search_text,
                    sort_name, created_at, updated_at, created_by, updated_by, version)
                values (:id, :firstName, :lastName, :companyName, :title, :email, :phone, :source, :status, :reason,
                    :notes, :ownerId, :visibleToTeam, :externalSource, :externalId, :searchText, :sortName, :now, :now,
                    :actor, :actor, 0)""")
                .params(fields(lead)).param("id", id).param("ownerId", ownerId)
                .param("externalSource", externalSource).param("externalId", externalId)
                .param("now", Timestamp.from(Instant.now())).param("actor", actorId).update();
    }

    /**
     * Writes the new state if {@code expectedVersion} is still current; false when someone else was faster.
     * A status change sets the first-response time when it is still empty.
     */
    boolean update(UUID id, LeadDraft lead, UUID ownerId, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update leads set first_name = :firstName, last_name = :lastName, company_name = :companyName,
                    title = :title, email = :email, phone = :phone, source_key = :source,
                    first_response_at = case when first_response_at is null and status <> :status then now()
                                             else first_response_at end,
                    status = :status, disqualified_reason = :reason, notes = :notes, owner_id = :ownerId,
                    visible_to_team = :visibleToTeam, search_text = :searchText, sort_name = :sortName,
                    updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .params(fields(lead)).param("id", id).param("ownerId", ownerId).param("actor", actorId)
                .param("version", expectedVersion).update() == 1;
    }

    /** Sets the first-response time unless it is set already; never earlier than the lead's creation. */
    boolean recordFirstResponse(UUID id, Instant at) {
        return jdbc.sql("""
                update leads set first_response_at = greatest(:at, created_at)
                 where id = :id and first_response_at is null""")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Links the lead to what it became; false when it was converted already or changed meanwhile. */
    boolean markConverted(UUID id, UUID contactId, UUID companyId, UUID dealId, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update leads set converted_at = now(), converted_contact_id = :contactId,
                    converted_company_id = :companyId, converted_deal_id = :dealId,
                    updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version and converted_at is null""")
                .param("id", id).param("contactId", contactId).param("companyId", companyId)
                .param("dealId", dealId).param("actor", actorId).param("version", expectedVersion).update() == 1;
    }

    boolean setArchived(UUID id, boolean archived, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update leads set archived_at = case when :archived then now() else null end,
                    updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("archived", archived).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
    }

    private static Map<String, Object> fields(LeadDraft l) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("firstName", l.firstName());
        fields.put("lastName", l.lastName());
        fields.put("companyName", l.companyName());
        fields.put("title", l.title());
        fields.put("email", l.email());
        fields.put("phone", l.phone());
        fields.put("source", l.source());
        fields.put("status", l.status());
        fields.put("reason", l.disqualifiedReason());
        fields.put("notes", l.notes());
        fields.put("visibleToTeam", l.visibleToTeam());
        fields.put("searchText", LeadRules.searchText(l));
        fields.put("sortName", LeadRules.sortName(l));
        return fields;
    }

    static LeadDetails map(ResultSet rs, int row) throws SQLException {
        return new LeadDetails(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("company_name"), rs.getString("title"), rs.getString("email"), rs.getString("phone"),
                rs.getString("source_key"), LeadStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getString("disqualified_reason"), rs.getString("notes"), rs.getObject("owner_id", UUID.class),
                rs.getBoolean("visible_to_team"), Rows.instant(rs, "first_response_at"), Rows.instant(rs, "converted_at"),
                rs.getObject("converted_contact_id", UUID.class), rs.getObject("converted_company_id", UUID.class),
                rs.getObject("converted_deal_id", UUID.class), rs.getString("external_source"),
                rs.getString("external_id"), Rows.instant(rs, "archived_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"), rs.getObject("created_by", UUID.class),
                rs.getObject("updated_by", UUID.class), rs.getLong("version"),
                Rows.instant(rs, "last_activity_at"));
    }

    /**
     * Notes that an activity happened on these records at {@code at}; a later activity logged earlier
     * wins. Changes no version: an open edit form must not go stale because a call was logged.
     */
    void touchActivity(java.util.Collection<UUID> ids, Instant at) {
        jdbc.sql("""
                update leads set last_activity_at = greatest(coalesce(last_activity_at, :at), :at)
                 where id = any(:ids)""")
                .param("ids", ids.toArray(UUID[]::new)).param("at", java.sql.Timestamp.from(at)).update();
    }

}
