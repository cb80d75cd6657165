package io.kervan.audit;

import io.kervan.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's main events come from their own index (V0092), not from testing each of a record's events. */
@IntegrationTest
class AuditTimelineIndexIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /**
     * The planner uses a partial index only when the query implies its predicate, so {@code MAIN_EVENTS} must not
     * admit an event the index's {@code where} leaves out (checked: an added {@code action = 'ARCHIVED'} fails here). Table scans are switched off, which leaves the choice between the two
     * indexes on a record's events; the main events' index is smaller and already filtered, so it wins when it can
     * be used at all.
     */
    @Test
    void theTimelinesMainEventsAreReadFromTheirOwnIndex() {
        String plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("explain select e.id from audit_events e"
                            + " where e.record_type = 'contact' and e.record_id = :id and "
                            + AuditTimelineSource.MAIN_EVENTS + " order by e.occurred_at desc, e.id desc limit 21")
                    .param("id", UUID.randomUUID()).query(String.class).list());
        });
        assertThat(plan).contains("audit_events_main_idx");
    }
}
