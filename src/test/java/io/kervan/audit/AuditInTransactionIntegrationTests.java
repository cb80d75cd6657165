package io.kervan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.shared.Ids;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change is audited inside the transaction that made it (ADR 12, "Later"): a single record's change
 * ({@link RecordChanged}) and a bulk change ({@link RecordsChanged}, an import batch) alike. Their audit rows are
 * there before the commit, roll back with it, and no publication is stored for the audit.
 */
@IntegrationTest
class AuditInTransactionIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchsAuditRowsAreWrittenInItsTransactionAndRollBackWithIt() {
        UUID first = Ids.newId();
        UUID second = Ids.newId();
        RecordsChanged batch = new RecordsChanged(List.of(
                RecordChanged.of("contact", first, RecordChanged.Action.CREATED, null, List.of()),
                RecordChanged.of("contact", second, RecordChanged.Action.CREATED, null, List.of())));

        assertThat(auditedBeforeRollback(batch, first, second)).isEqualTo(2);
        assertThat(audited(first, second)).isZero();

        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(batch));
        assertThat(audited(first, second)).isEqualTo(2);
    }

    @Test
    void aSingleChangesAuditRowIsWrittenInItsTransactionAndRollsBackWithIt() {
        UUID record = Ids.newId();
        RecordChanged change = RecordChanged.of("contact", record, RecordChanged.Action.UPDATED, null,
                List.of(new RecordChanged.FieldChange("city", "Ankara", "İzmir")));

        assertThat(auditedBeforeRollback(change, record)).isEqualTo(1);
        assertThat(audited(record)).isZero();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(change);
            events.publishEvent(change);
        });
        assertThat(audited(record)).as("published twice, audited once").isEqualTo(1);
        assertThat(jdbc.sql("select changes ->> 0 from audit_events where record_id = :id").param("id", record)
                .query(String.class).single()).contains("İzmir");
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + record + "%").query(Long.class).single()).isZero();
    }

    /** Publishes {@code event} in a transaction that then rolls back; the audit rows of {@code records} inside it. */
    private long auditedBeforeRollback(Object event, UUID... records) {
        return new TransactionTemplate(transactions).execute(status -> {
            events.publishEvent(event);
            status.setRollbackOnly();
            return audited(records);
        });
    }

    private long audited(UUID... records) {
        return jdbc.sql("select count(*) from audit_events where record_id in (:ids)").param("ids", List.of(records))
                .query(Long.class).single();
    }
}
