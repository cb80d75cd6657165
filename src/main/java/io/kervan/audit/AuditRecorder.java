package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records changes. A single record's change ({@link RecordChanged}) is recorded after the changing transaction
 * committed; the event publication registry keeps undelivered events across a crash, and the event id as primary
 * key makes a redelivery harmless. A bulk change ({@link RecordsChanged}: an import batch, an undo run) is
 * recorded inside the changing transaction, one audit row per record as one JDBC batch: its rows commit or roll
 * back with the records, and the batch's changes are not serialised, stored and deleted again by the registry
 * (about a seventh of a million-contact import's speed, docs/benchmarks.md).
 */
@Component
class AuditRecorder {

    private static final String INSERT = """
            insert into audit_events (id, record_type, record_id, action, actor_id, occurred_at, changes, origin)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
            on conflict (id) do nothing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    AuditRecorder(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    @EventListener
    void on(RecordsChanged batch) {
        template.batchUpdate(INSERT, batch.changes(), 1000, (ps, event) -> {
            ps.setObject(1, event.eventId());
            ps.setString(2, event.recordType());
            ps.setObject(3, event.recordId());
            ps.setString(4, event.action().name());
            ps.setObject(5, event.actorId());
            ps.setTimestamp(6, Timestamp.from(event.occurredAt()));
            ps.setString(7, json.writeValueAsString(event.changes()));
            ps.setString(8, event.origin());
        });
    }

    @ApplicationModuleListener
    void on(RecordChanged event) {
        jdbc.sql("""
                insert into audit_events (id, record_type, record_id, action, actor_id, occurred_at, changes, origin)
                values (:id, :type, :recordId, :action, :actorId, :at, cast(:changes as jsonb), :origin)
                on conflict (id) do nothing""")
                .param("id", event.eventId()).param("type", event.recordType()).param("recordId", event.recordId())
                .param("action", event.action().name()).param("actorId", event.actorId())
                .param("at", Timestamp.from(event.occurredAt()))
                .param("changes", json.writeValueAsString(event.changes())).param("origin", event.origin())
                .update();
    }
}
