package io.kervan.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.shared.Ids;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordChanged.FieldChange;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which listeners a change is stored for: the publication registry stores one publication per listener in the
 * publishing transaction, and the listeners' conditions keep it from storing those they would ignore. Each case
 * looks inside the publishing transaction and rolls it back, so no listener runs. The audit is written inside the
 * publishing transaction (ADR 12), so no change is stored for it.
 */
@IntegrationTest
class ListenerConditionsIntegrationTests {

    private static final UUID ACTOR = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID COLLEAGUE = UUID.fromString("00000000-0000-7000-8000-0000000000b2");

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aContactCreatedForTheCreatorIsNotStored() {
        assertThat(listenersStoredFor("contact", RecordChanged.Action.CREATED,
                new FieldChange("lastName", null, "Yılmaz"), new FieldChange("ownerId", null, ACTOR.toString())))
                .isEmpty();
    }

    @Test
    void aRecordGivenToSomeoneElseIsStoredForTheNotifier() {
        assertThat(listenersStoredFor("deal", RecordChanged.Action.UPDATED,
                new FieldChange("ownerId", ACTOR.toString(), COLLEAGUE.toString())))
                .containsExactly("RecordAssignmentNotifier");
    }

    @Test
    void aCompanyRenameIsStoredForTheContactsSearchText() {
        assertThat(listenersStoredFor("company", RecordChanged.Action.UPDATED,
                new FieldChange("name", "Öztürk Ltd", "Öztürk Lojistik A.Ş.")))
                .containsExactly("CompanyRenames");
        assertThat(listenersStoredFor("company", RecordChanged.Action.UPDATED,
                new FieldChange("city", "Ankara", "İzmir")))
                .isEmpty();
        assertThat(listenersStoredFor("contact", RecordChanged.Action.UPDATED,
                new FieldChange("name", "a", "b")))
                .isEmpty();
    }

    /** The simple class names of the listeners a publication was stored for, sorted. */
    private List<String> listenersStoredFor(String type, RecordChanged.Action action, FieldChange... changes) {
        UUID recordId = Ids.newId();
        RecordChanged change = new RecordChanged(Ids.newId(), type, recordId, action, ACTOR, java.time.Instant.now(),
                List.of(changes));
        return transactions.execute(status -> {
            events.publishEvent(change);
            List<String> listeners = jdbc.sql("select listener_id from event_publication where serialized_event like :id")
                    .param("id", "%" + recordId + "%").query(String.class).list().stream()
                    .map(id -> id.replaceAll("\\.on\\(.*", "").replaceAll(".*\\.", "")).sorted().toList();
            status.setRollbackOnly();
            return listeners;
        });
    }
}
