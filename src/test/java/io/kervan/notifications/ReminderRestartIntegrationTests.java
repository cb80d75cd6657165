package io.kervan.notifications;

import io.kervan.KervanApplication;
import io.kervan.TestUsers;
import io.kervan.deals.DealTestClock;
import io.kervan.identity.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder scheduled before an application restart is e-mailed once after it. The test runs Kervan
 * twice on one data directory, as an operator restarting it would: the first run stores a task whose
 * reminder is an hour away and is shut down (its embedded PostgreSQL with it); the second run starts
 * from the same files, and its clock is moved past the reminder time. Only what was persisted (the
 * task and its db-scheduler row) can make the second run send the e-mail; it must send it exactly once.
 * Both runs send to the one GreenMail server of the test JVM.
 */
class ReminderRestartIntegrationTests {

    @Test
    void aReminderScheduledBeforeARestartIsSentOnceAfterIt() throws Exception {
        String dataDir = "target/test-data/restart-" + UUID.randomUUID();
        TestUsers.TestUser rep;
        UUID task;
        Instant remindAt = Instant.now().plus(Duration.ofHours(1));

        try (ConfigurableApplicationContext first = start(dataDir)) {
            rep = new TestUsers(first).create(Role.SALES_REP, null);
            HttpResponse<String> created = post(first, rep, "/api/v1/tasks",
                    "{\"title\": \"Yeniden başlatma\", \"reminderAt\": \"" + remindAt + "\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            task = UUID.fromString(created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", ""));
            assertThat(jdbc(first).sql("select count(*) from scheduled_tasks where task_name = 'task-reminder' "
                    + "and task_instance = :id").param("id", task.toString()).query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(TestMailServer.messagesTo(rep.email())).isEmpty();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            DealTestClock clock = second.getBean(DealTestClock.class);
            clock.pin(remindAt.plus(Duration.ofMinutes(1)));
            // time goes on from there (a pinned clock stands still, and due jobs are found by comparing with it)
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                clock.advance(Duration.ofMillis(500));
                return TestMailServer.messagesTo(rep.email()).size() == 1;
            });
            assertThat(TestMailServer.messagesTo(rep.email()).get(0).getSubject())
                    .isEqualTo("Task reminder: Yeniden başlatma");
            // several polling rounds later there is still one e-mail and one notification
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> {
                clock.advance(Duration.ofMillis(500));
                return true;
            });
            assertThat(TestMailServer.messagesTo(rep.email())).hasSize(1);
            assertThat(jdbc(second).sql("select count(*) from notifications where user_id = :u and kind = 'taskReminder'")
                    .param("u", rep.id()).query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc(second).sql("select count(*) from scheduled_tasks where task_instance = :id")
                    .param("id", task.toString()).query(Integer.class).single()).isZero();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(java.nio.file.Path.of(dataDir));
        }
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        // Command-line arguments outrank application-test.properties (which picks a fresh data directory).
        // Never "clean": zonky deletes a clean-on-start data directory when PostgreSQL stops.
        return new SpringApplicationBuilder(KervanApplication.class).profiles("test").run(
                "--kervan.data-dir=" + dataDir, "--kervan.embedded-db-clean-on-start=false", "--server.port=0",
                "--kervan.admin.email=admin@kervan.test", "--kervan.admin.password=admin-password-1");
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, TestUsers.TestUser user,
            String path, String json) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", user.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
