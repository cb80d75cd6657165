package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.database.CopyRows;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records changes inside the transaction that made them: the audit rows commit or roll back with the records, so
 * no change is ever committed without its audit row, and none is audited that did not happen. A single record's
 * change ({@link RecordChanged}) is one {@code insert}; a bulk change ({@link RecordsChanged}: an import batch, an
 * undo run) one audit row per record in one {@code COPY}. Neither goes through the event publication registry:
 * storing, running and deleting a publication cost a contact write a second transaction and about a third of its
 * database time (ADR 12, "Later"; docs/benchmarks.md, eleventh round).
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

    /** The event id is the primary key: an event published twice is audited once. */
    @EventListener
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
