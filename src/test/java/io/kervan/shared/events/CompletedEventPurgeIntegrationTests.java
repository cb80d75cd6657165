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

    @Test
    void aPublicationIsGoneOnceItsListenerRan() {
        UUID recordId = Ids.newId();
        RecordChanged change = RecordChanged.of("contact", recordId, RecordChanged.Action.UPDATED, null,
                List.of(new RecordChanged.FieldChange("city", "Ankara", "İzmir")));
        transactions.executeWithoutResult(status -> events.publishEvent(change));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from audit_events where record_id = :id").param("id", recordId)
                .query(Integer.class).single() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicationsMentioning(recordId) == 0);
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

    private int publicationsMentioning(UUID id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :text")
                .param("text", "%" + id + "%").query(Integer.class).single();
    }
}
