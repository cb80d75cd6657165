package io.kervan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.shared.Ids;
import io.kervan.shared.RecordChanged;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * V0082: an audit publication an earlier version left incomplete (its listener is gone since the audit is written
 * inside the changing transaction, ADR 12) becomes its audit row and is deleted. The events are serialised by the
 * registry's own serializer, as an earlier version stored them, and the migration's script is run again here.
 */
@IntegrationTest
class AuditPublicationsUpgradeIntegrationTests {

    private static final String OLD_AUDIT_LISTENER = "io.kervan.audit.AuditRecorder.on(io.kervan.shared.RecordChanged)";
    private static final String OTHER_LISTENER = "test.Listener.on(io.kervan.shared.RecordChanged)";

    @Autowired
    EventSerializer serializer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anIncompleteAuditPublicationIsAuditedAndDeletedAndOthersAreLeftAlone() throws Exception {
        UUID actor = Ids.newId();
        RecordChanged left = new RecordChanged(Ids.newId(), "contact", Ids.newId(), RecordChanged.Action.UPDATED, actor,
                Instant.parse("2026-11-20T10:15:30.123456Z"),
                List.of(new RecordChanged.FieldChange("city", "Ankara", "İzmir")), "import:42");
        RecordChanged completed = RecordChanged.of("contact", Ids.newId(), RecordChanged.Action.CREATED, null, List.of());
        RecordChanged othersListener = RecordChanged.of("deal", Ids.newId(), RecordChanged.Action.UPDATED, null,
                List.of());
        store(left, OLD_AUDIT_LISTENER, false);
        store(completed, OLD_AUDIT_LISTENER, true);
        store(othersListener, OTHER_LISTENER, false);

        runMigration();
        runMigration();

        Map<String, Object> row = jdbc.sql("""
                select record_type, record_id, action, actor_id, occurred_at, changes ->> 0 as change, origin
                  from audit_events where id = :id""").param("id", left.eventId()).query().singleRow();
        assertThat(row).containsEntry("record_type", "contact").containsEntry("record_id", left.recordId())
                .containsEntry("action", "UPDATED").containsEntry("actor_id", actor)
                .containsEntry("origin", "import:42");
        assertThat(((Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(left.occurredAt());
        assertThat((String) row.get("change")).contains("\"city\"").contains("İzmir");
        assertThat(publications(left)).isZero();

        assertThat(audited(completed)).as("a completed publication's listener ran").isZero();
        assertThat(publications(completed)).isEqualTo(1);
        assertThat(audited(othersListener)).isZero();
        assertThat(publications(othersListener)).isEqualTo(1);
        jdbc.sql("delete from event_publication where listener_id in (:ids)")
                .param("ids", List.of(OLD_AUDIT_LISTENER, OTHER_LISTENER)).update();
    }

    private void store(RecordChanged event, String listener, boolean completed) {
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date)
                values (:id, :listener, :type, :event, now(), %s)""".formatted(completed ? "now()" : "null"))
                .param("id", Ids.newId()).param("listener", listener).param("type", RecordChanged.class.getName())
                .param("event", serializer.serialize(event).toString()).update();
    }

    private void runMigration() throws Exception {
        jdbc.sql(new ClassPathResource("db/migration/V0082__audit_publications_left_by_earlier_versions.sql")
                .getContentAsString(StandardCharsets.UTF_8)).update();
    }

    private long audited(RecordChanged event) {
        return jdbc.sql("select count(*) from audit_events where id = :id").param("id", event.eventId())
                .query(Long.class).single();
    }

    private long publications(RecordChanged event) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + event.eventId() + "%").query(Long.class).single();
    }
}
