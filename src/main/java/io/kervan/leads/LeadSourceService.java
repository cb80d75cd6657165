package io.kervan.leads;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.ConflictException;
import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.ChangeSet;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead sources: everyone reads them, only admins add, rename, reorder and (de)activate them. A
 * source is never deleted, so leads keep theirs; an inactive source is not offered for new leads.
 */
@Service
public class LeadSourceService {

    /** The {@code recordType} of the {@link RecordChanged} events about lead sources. */
    public static final String RECORD_TYPE = "leadSource";

    private static final String COLUMNS = "id, source_key, label_en, label_tr, active, position, version";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LeadSourceService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<LeadSource> list(boolean includeInactive) {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where active or :all order by position, source_key")
                .param("all", includeInactive).query(LeadSourceService::map).list();
    }

    @Transactional(readOnly = true)
    public LeadSource get(UUID id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    /** Labels of all sources by key, in the given language (for lists and detail pages). */
    @Transactional(readOnly = true)
    public Map<String, String> labels(Locale locale) {
        return list(true).stream().collect(Collectors.toMap(LeadSource::key, s -> s.label(locale)));
    }

    @Transactional(readOnly = true)
    public Optional<LeadSource> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where source_key = :key").param("key", key)
                .query(LeadSourceService::map).optional();
    }

    @Transactional
    public LeadSource create(String key, String labelEn, String labelTr) {
        requireAdmin();
        InputCheck check = new InputCheck();
        String cleanKey = check.text("key", key, 50, true);
        if (cleanKey != null && !cleanKey.matches("[a-z0-9_]+")) {
            check.problem("key", "leads.validation.sourceKey");
        }
        String en = check.text("labelEn", labelEn, 100, true);
        String tr = check.text("labelTr", labelTr, 100, true);
        check.throwIfInvalid();
        if (byKey(cleanKey).isPresent()) {
            throw new ConflictException("A lead source with this key already exists");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        UUID actor = CurrentUser.require().id();
        jdbc.sql("""
                insert into lead_sources (id, source_key, label_en, label_tr, active, position, created_at, updated_at,
                    created_by, updated_by, version)
                values (:id, :key, :en, :tr, true, (select coalesce(max(position), 0) + 10 from lead_sources),
                    :now, :now, :actor, :actor, 0)""")
                .param("id", id).param("key", cleanKey).param("en", en).param("tr", tr).param("now", now)
                .param("actor", actor).update();
        LeadSource created = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, actor,
                changes(null, created).changes()));
        return created;
    }

    /** Renames and (de)activates a source; {@code null} values leave that part as it is. */
    @Transactional
    public LeadSource update(UUID id, String labelEn, String labelTr, Boolean active, Long expectedVersion) {
        requireAdmin();
        LeadSource current = get(id);
        InputCheck check = new InputCheck();
        String en = labelEn == null ? current.labelEn() : check.text("labelEn", labelEn, 100, true);
        String tr = labelTr == null ? current.labelTr() : check.text("labelTr", labelTr, 100, true);
        check.throwIfInvalid();
        long version = expectedVersion == null ? current.version() : expectedVersion;
        int updated = jdbc.sql("""
                update lead_sources set label_en = :en, label_tr = :tr, active = :active, updated_at = now(),
                    updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .param("en", en).param("tr", tr).param("active", active == null ? current.active() : active)
                .param("actor", CurrentUser.require().id()).param("id", id).param("version", version).update();
        if (updated != 1) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        LeadSource after = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED,
                CurrentUser.require().id(), changes(current, after).changes()));
        return after;
    }

    private static ChangeSet changes(LeadSource b, LeadSource a) {
        return new ChangeSet().compare("key", b == null ? null : b.key(), a.key())
                .compare("labelEn", b == null ? null : b.labelEn(), a.labelEn())
                .compare("labelTr", b == null ? null : b.labelTr(), a.labelTr())
                .compare("active", b == null ? null : b.active(), a.active());
    }

    private Optional<LeadSource> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where id = :id").param("id", id)
                .query(LeadSourceService::map).optional();
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().isAdmin()) {
            throw new NotAllowedException("Only an admin may change the lead sources");
        }
    }

    private static LeadSource map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LeadSource(rs.getObject("id", UUID.class), rs.getString("source_key"), rs.getString("label_en"),
                rs.getString("label_tr"), rs.getBoolean("active"), rs.getInt("position"), rs.getLong("version"));
    }
}
