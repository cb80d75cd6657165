package io.kervan.notifications;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.deals.DealTestClock;
import io.kervan.identity.Role;
import io.kervan.tasks.TaskApi;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** "Your deal went stale": once per stale episode, to the owner, however often the job runs. */
@IntegrationTest
class StaleDealNotificationIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DealTestClock clock;
    @Autowired
    StaleDealNotifier notifier;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void theOwnerHearsOnceThatTheirDealWentStale() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        MvcTestResult created = new TaskApi(mvc).post(rep, "/api/v1/deals",
                "{\"title\": \"Bayi sözleşmesi\", \"pipelineId\": \"01900000-0000-7000-8000-000000000001\"}");
        assertThat(created).hasStatus(201);
        UUID deal = UUID.fromString(created.getResponse().getHeader("Location").replaceFirst(".*/", ""));
        Instant staleAt = jdbc.sql("select stale_at from deals where id = :id").param("id", deal)
                .query(java.sql.Timestamp.class).single().toInstant();

        clock.pin(staleAt.minus(Duration.ofMinutes(1)));
        notifier.notifyNewlyStale();
        assertThat(count(rep)).isZero();

        clock.pin(staleAt.plus(Duration.ofHours(1)));
        notifier.notifyNewlyStale();
        notifier.notifyNewlyStale();
        assertThat(count(rep)).isEqualTo(1);
        assertThat(jdbc.sql("select title from notifications where user_id = :u and kind = 'dealStale'")
                .param("u", rep.id()).query(String.class).single()).isEqualTo("Bayi sözleşmesi");
    }

    int count(TestUsers.TestUser user) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and kind = 'dealStale'")
                .param("u", user.id()).query(Integer.class).single();
    }
}
