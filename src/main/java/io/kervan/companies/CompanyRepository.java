package io.kervan.companies;

import io.kervan.shared.Rows;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the company aggregate, with optimistic locking on {@code version}. */
@Repository
class CompanyRepository {

    static final String COLUMNS = """
            id, name, sector, size_band, annual_revenue, revenue_currency, website, email, phone, address_line,
            city, country, tax_number, tags, notes, owner_id, visible_to_team, external_source, external_id,
            archived_at, created_at, updated_at, created_by, updated_by, version, last_activity_at""";

    private final JdbcClient jdbc;

    CompanyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CompanyDetails> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from companies where id = :id").param("id", id)
                .query(CompanyRepository::map).optional();
    }

    /** The stored companies among {@code ids}, by id, in one query. */
    Map<UUID, CompanyDetails> findAll(Collection<UUID> ids) {
        Map<UUID, CompanyDetails> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from companies where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query(CompanyRepository::map).list().forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    Optional<CompanyDetails> findByExternalId(String source, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from companies where external_source = :source and external_id = :externalId")
                .param("source", source).param("externalId", externalId).query(CompanyRepository::map).optional();
    }

    void insert(UUID id, CompanyDraft company, UUID ownerId, UUID actorId, String externalSource, String externalId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into companies (id, name, sector, size_band, annual_revenue, revenue_currency, website, email,
                    phone, address_line, city, country, tax_number, tags, notes, owner_id, visible_to_team,
                    external_source, external_id, search_text, sort_name, created_at, updated_at, created_by,
                    updated_by, version)
                values (:id, :name, :sector, :sizeBand, :revenue, :currency, :website, :email, :phone, :address,
                    :city, :country, :taxNumber, :tags, :notes, :ownerId, :visibleToTeam, :externalSource,
                    :externalId, :searchText, :sortName, :now, :now, :actor, :actor, 0)""")
                .params(fields(company)).param("id", id).param("ownerId", ownerId)
                .param("externalSource", externalSource).param("externalId", externalId)
                .param("now", now).param("actor", actorId).update();
    }

    /** Writes the new state if {@code expectedVersion} is still current; false when someone else was faster. */
    boolean update(UUID id, CompanyDraft company, UUID ownerId, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update companies set name = :name, sector = :sector, size_band = :sizeBand, annual_revenue = :revenue,
                    revenue_currency = :currency, website = :website, email = :email, phone = :phone,
                    address_line = :address, city = :city, country = :country, tax_number = :taxNumber, tags = :tags,
                    notes = :notes, owner_id = :ownerId, visible_to_team = :visibleToTeam, search_text = :searchText,
                    sort_name = :sortName, updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .params(fields(company)).param("id", id).param("ownerId", ownerId).param("actor", actorId)
                .param("version", expectedVersion).update() == 1;
    }

    boolean setArchived(UUID id, boolean archived, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update companies set archived_at = case when :archived then now() else null end,
                    updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .param("id", id).param("archived", archived).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
    }

    void setExternalId(UUID id, String source, String externalId) {
        jdbc.sql("update companies set external_source = :source, external_id = :externalId where id = :id")
                .param("id", id).param("source", source).param("externalId", externalId).update();
    }

    private static Map<String, Object> fields(CompanyDraft c) {
        java.util.HashMap<String, Object> fields = new java.util.HashMap<>();
        fields.put("name", c.name());
        fields.put("sector", c.sector());
        fields.put("sizeBand", c.sizeBand() == null ? null : c.sizeBand().name());
        fields.put("revenue", c.annualRevenue());
        fields.put("currency", c.revenueCurrency());
        fields.put("website", c.website());
        fields.put("email", c.email());
        fields.put("phone", c.phone());
        fields.put("address", c.addressLine());
        fields.put("city", c.city());
        fields.put("country", c.country());
        fields.put("taxNumber", c.taxNumber());
        fields.put("tags", c.tags().toArray(String[]::new));
        fields.put("notes", c.notes());
        fields.put("visibleToTeam", c.visibleToTeam());
        fields.put("searchText", CompanyRules.searchText(c));
        fields.put("sortName", CompanyRules.sortName(c));
        return fields;
    }

    static CompanyDetails map(ResultSet rs, int row) throws SQLException {
        String sizeBand = rs.getString("size_band");
        return new CompanyDetails(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("sector"),
                sizeBand == null ? null : SizeBand.valueOf(sizeBand), rs.getObject("annual_revenue", BigDecimal.class),
                rs.getString("revenue_currency"), rs.getString("website"), rs.getString("email"),
                rs.getString("phone"), rs.getString("address_line"), rs.getString("city"), rs.getString("country"),
                rs.getString("tax_number"), Rows.strings(rs, "tags"), rs.getString("notes"),
                rs.getObject("owner_id", UUID.class), rs.getBoolean("visible_to_team"),
                rs.getString("external_source"), rs.getString("external_id"), Rows.instant(rs, "archived_at"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getObject("created_by", UUID.class),
                rs.getObject("updated_by", UUID.class), rs.getLong("version"),
                Rows.instant(rs, "last_activity_at"));
    }

    /**
     * Notes that an activity happened on these records at {@code at}; a later activity logged earlier
     * wins. Changes no version: an open edit form must not go stale because a call was logged.
     */
    void touchActivity(java.util.Collection<UUID> ids, Instant at) {
        jdbc.sql("""
                update companies set last_activity_at = greatest(coalesce(last_activity_at, :at), :at)
                 where id = any(:ids)""")
                .param("ids", ids.toArray(UUID[]::new)).param("at", java.sql.Timestamp.from(at)).update();
    }

}
