package io.kervan.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.kervan.IntegrationTest;
import io.kervan.deals.DealTestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class JobsIntegrationTests {

    @Autowired
    SchedulerClient scheduler;
    @Autowired
    OneTimeTask<String> recordingTask;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DealTestClock clock;

    @Test
    void aScheduledJobRunsOnceAndLeavesNoRowBehind() {
        String id = UUID.randomUUID().toString();
        scheduler.scheduleIfNotExists(recordingTask.instance(id, id), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> RecordingJob.RAN.contains(id));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_instance = :id").param("id", id)
                .query(Integer.class).single() == 0);
    }

    @Test
    void aJobScheduledInATransactionThatRollsBackNeverRuns() {
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            scheduler.scheduleIfNotExists(recordingTask.instance(id, id), Instant.now());
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(RecordingJob.RAN).doesNotContain(id);
    }

    @Test
    void pollingGoesOnAfterTheClockStepsBackFromTheFuture() throws InterruptedException {
        // a test pins the application clock a day ahead for several polling rounds, then lets it go
        try {
            clock.pin(Instant.now().plus(Duration.ofDays(1)));
            Thread.sleep(1000);
        } finally {
            clock.release();
        }
        String id = UUID.randomUUID().toString();
        scheduler.scheduleIfNotExists(recordingTask.instance(id, id), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> RecordingJob.RAN.contains(id));
    }
}
