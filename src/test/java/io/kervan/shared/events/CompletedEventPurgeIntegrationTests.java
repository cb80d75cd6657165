package io.kervan.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.kervan.IntegrationTest;
import io.kervan.shared.Ids;
import io.kervan.shared.RecordChanged;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CompletedEventPurgeIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("completedEventPurgeTask")
    RecurringTask<Void> purgeTask;

    /** A company's rename is stored for the contacts' listener (the audit is not stored: ADR 12, "Later"). */
    @Test
    void aPublicationIsGoneOnceItsListenerRan() {
        UUID companyId = Ids.newId();
        RecordChanged rename = RecordChanged.of("company", companyId, RecordChanged.Action.UPDATED, null,
                List.of(new RecordChanged.FieldChange("name", "Öztürk Ltd", "Öztürk Lojistik A.Ş.")));
        long storedInside = transactions.execute(status -> {
            events.publishEvent(rename);
            return publicationsMentioning(companyId);
        });
        assertThat(storedInside).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> publicationsMentioning(companyId) == 0);
    }

    @Test
    void thePurgeRemovesCompletedPublicationsLeftByAnEarlierVersionAndKeepsIncompleteOnes() {
        UUID completed = Ids.newId();
        UUID incomplete = Ids.newId();
        insertPublication(completed, "now() - interval '1 day'");
        insertPublication(incomplete, "null");

        purgeTask.execute(purgeTask.instance("recurring"), null);

        assertThat(publicationsMentioning(completed)).isZero();
        assertThat(publicationsMentioning(incomplete)).isEqualTo(1);
        jdbc.sql("delete from event_publication where serialized_event like :text")
                .param("text", "%" + incomplete + "%").update();
    }

    private void insertPublication(UUID marker, String completionDate) {
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date)
                values (:id, 'test.Listener', 'test.Event', :event, now() - interval '2 days', %s)"""
                .formatted(completionDate))
                .param("id", Ids.newId()).param("event", "{\"marker\":\"" + marker + "\"}").update();
    }

    private long publicationsMentioning(UUID id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :text")
                .param("text", "%" + id + "%").query(Long.class).single();
    }
}
