package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.database.CopyRows;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records changes. A single record's change ({@link RecordChanged}) is recorded after the changing transaction
 * committed; the event publication registry keeps undelivered events across a crash, and the event id as primary
 * key makes a redelivery harmless. A bulk change ({@link RecordsChanged}: an import batch, an undo run) is
 * recorded inside the changing transaction, one audit row per record in one {@code COPY}: its rows commit or roll
 * back with the records, and the batch's changes are not serialised, stored and deleted again by the registry
 * (about a seventh of a million-contact import's speed, docs/benchmarks.md).
 */
@Component
class AuditRecorder {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;

    AuditRecorder(JdbcClient jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Each change of a batch has an event id of its own, new with the batch: no row can exist yet, so COPY. */
    @EventListener
    void on(RecordsChanged batch) {
        CopyRows rows = new CopyRows("audit_events", "id", "record_type", "record_id", "action", "actor_id",
                "occurred_at", "changes", "origin");
        for (RecordChanged event : batch.changes()) {
            rows.row(event.eventId(), event.recordType(), event.recordId(), event.action().name(), event.actorId(),
                    event.occurredAt(), json.writeValueAsString(event.changes()), event.origin());
        }
        rows.copyInto(dataSource);
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
