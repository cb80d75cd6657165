package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records changes after the changing transaction committed. The event publication registry keeps
 * undelivered events across a crash; the event id as primary key makes a redelivery harmless.
 */
@Component
class AuditRecorder {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditRecorder(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
