package io.kervan.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.tasks.TaskApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Task reminders through db-scheduler to a real SMTP server (GreenMail): sent once, also when the
 * jobs run again; moved with the reminder time; dropped when the task is closed first.
 */
@IntegrationTest
class ReminderEmailIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    @Qualifier("notificationEmailTask")
    OneTimeTask<String> emailTask;
    @Autowired
    @Qualifier("taskReminderTask")
    OneTimeTask<String> reminderTask;

    List<UUID> reminders(TestUsers.TestUser user) {
        return jdbc.sql("select id from notifications where user_id = :u and kind = 'taskReminder'")
                .param("u", user.id()).query(UUID.class).list();
    }

    @Test
    void aReminderIsEmailedExactlyOnceEvenWhenItsJobsRunAgain() throws Exception {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        TaskApi api = new TaskApi(mvc);
        Instant remindAt = Instant.now().plusSeconds(1);
        UUID task = api.task(rep, "{\"title\": \"Teklif son gün\", \"dueAt\": \"" + remindAt.plusSeconds(900)
                + "\", \"reminderAt\": \"" + remindAt + "\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.messagesTo(rep.email()).size() == 1);
        assertThat(TestMailServer.messagesTo(rep.email()).get(0).getSubject()).isEqualTo("Task reminder: Teklif son gün");
        assertThat(TestMailServer.messagesTo(rep.email()).get(0).getContent().toString()).contains("/tasks/" + task);
        assertThat(reminders(rep)).hasSize(1);
        UUID notification = reminders(rep).get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> "sent".equals(jdbc.sql(
                "select email_status from notifications where id = :id").param("id", notification)
                .query(String.class).single()));

        // both jobs run again, as after a crash between sending and recording it
        scheduler.schedule(emailTask.instance(notification.toString(), notification.toString()), Instant.now());
        scheduler.schedule(reminderTask.instance(task.toString(), Long.toString(remindAt.toEpochMilli())), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_instance in (:a, :b)")
                .param("a", notification.toString()).param("b", task.toString()).query(Integer.class).single() == 0);

        assertThat(reminders(rep)).hasSize(1);
        assertThat(TestMailServer.messagesTo(rep.email())).hasSize(1);
    }

    @Test
    void aMovedReminderFiresAtItsNewTimeAndAClosedTaskDoesNotRemind() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        TaskApi api = new TaskApi(mvc);
        UUID moved = api.task(rep, "{\"title\": \"Taşınan\", \"reminderAt\": \"" + Instant.now().plusSeconds(3600) + "\"}");
        UUID closed = api.task(rep, "{\"title\": \"Kapanan\", \"reminderAt\": \"" + Instant.now().plusSeconds(2) + "\"}");
        assertThat(api.patch(rep, "/api/v1/tasks/" + closed, "{\"status\": \"done\"}")).hasStatusOk();
        assertThat(api.patch(rep, "/api/v1/tasks/" + moved,
                "{\"reminderAt\": \"" + Instant.now().plusSeconds(1) + "\"}")).hasStatusOk();

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(rep).size() == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(jdbc.sql("select title from notifications where user_id = :u and kind = 'taskReminder'")
                .param("u", rep.id()).query(String.class).list()).containsExactly("Taşınan");
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
                .param("id", closed.toString()).query(Integer.class).single()).isZero();
    }
}
