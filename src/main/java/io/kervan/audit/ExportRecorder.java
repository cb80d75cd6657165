package io.kervan.audit;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.export.ListExported;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every list export in the audit trail as record type {@code export}, action {@code EXPORTED}:
 * who exported how many rows of what, in which format and narrowed by which filters.
 */
@Component
class ExportRecorder {

    static final String RECORD_TYPE = "export";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ExportRecorder(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(ListExported event) {
        List<RecordChanged.FieldChange> changes = List.of(
                new RecordChanged.FieldChange("rows", null, Integer.toString(event.rows())),
                new RecordChanged.FieldChange("recordType", null, event.recordType()),
                new RecordChanged.FieldChange("format", null, event.format()),
                new RecordChanged.FieldChange("filters", null, event.filters()));
        jdbc.sql("""
                insert into audit_events (id, record_type, record_id, action, actor_id, occurred_at, changes)
                values (:id, :type, :recordId, 'EXPORTED', :actorId, :at, cast(:changes as jsonb))
                on conflict (id) do nothing""")
                .param("id", event.exportId()).param("type", RECORD_TYPE).param("recordId", event.exportId())
                .param("actorId", event.actorId()).param("at", Timestamp.from(event.at()))
                .param("changes", json.writeValueAsString(changes))
                .update();
    }
}
