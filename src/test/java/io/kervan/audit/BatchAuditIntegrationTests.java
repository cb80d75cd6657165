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
 * A bulk change ({@link RecordsChanged}, an import batch) is audited inside the transaction that made it (ADR 12,
 * "Later"): its audit rows are there before the commit, and roll back with it.
 */
@IntegrationTest
class BatchAuditIntegrationTests {

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
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Long inside = transaction.execute(status -> {
            events.publishEvent(batch);
            status.setRollbackOnly();
            return audited(first, second);
        });
        assertThat(inside).isEqualTo(2);
        assertThat(audited(first, second)).isZero();

        transaction.executeWithoutResult(status -> events.publishEvent(batch));
        assertThat(audited(first, second)).isEqualTo(2);
    }

    long audited(UUID first, UUID second) {
        return jdbc.sql("select count(*) from audit_events where record_id in (:first, :second)")
                .param("first", first).param("second", second).query(Long.class).single();
    }
}
