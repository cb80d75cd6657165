package io.kervan.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes' schedulers on one database fire each task reminder once. The application's own scheduler
 * is paused; two schedulers built exactly as a node builds its own ({@link JobsConfiguration#newScheduler})
 * take its place, both with every job of the application. Their reminder job is the real one, wrapped to
 * count how often each reminder ran and on which of the two.
 */
@IntegrationTest
class TwoNodesRunRemindersOnceIntegrationTests {

    static final int REMINDERS = 24;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<Task<?>> tasks;
    @Autowired
    @Qualifier("taskReminderTask")
    OneTimeTask<String> reminderTask;
    @Autowired
    JobsProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("schedulerLifecycle")
    SmartLifecycle applicationScheduler;

    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final List<Scheduler> nodes = new ArrayList<>();
    final AtomicInteger[] runsPerNode = {new AtomicInteger(), new AtomicInteger()};

    @BeforeEach
    void twoNodesInsteadOfOne() {
        applicationScheduler.stop();
        for (int node = 0; node < 2; node++) {
            Scheduler scheduler = JobsConfiguration.newScheduler(dataSource, tasksCountedOn(node), properties, clock);
            scheduler.start();
            nodes.add(scheduler);
        }
    }

    @AfterEach
    void backToTheApplicationsScheduler() {
        nodes.forEach(Scheduler::stop);
        applicationScheduler.start();
    }

    /** The application's jobs, with the reminder job counting its runs before doing its real work. */
    List<Task<?>> tasksCountedOn(int node) {
        OneTimeTask<String> counted = Tasks.oneTime(reminderTask.getName(), String.class).execute((instance, ctx) -> {
            runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet();
            runsPerNode[node].incrementAndGet();
            reminderTask.execute(instance, ctx);
        });
        List<Task<?>> all = new ArrayList<>(tasks.stream().filter(t -> !t.getName().equals(reminderTask.getName()))
                .toList());
        all.add(counted);
        return all;
    }

    @Test
    void eachReminderRunsOnceAndNotifiesOnce() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        Instant due = clock.instant().plusSeconds(1);
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < REMINDERS; i++) {
            MvcTestResult created = mvc.post().uri("/api/v1/tasks").header("Authorization", rep.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\": \"Hatırlatma %d\", \"reminderAt\": \"%s\"}".formatted(i, due)).exchange();
            assertThat(created).hasStatus(201);
            String location = created.getResponse().getHeader("Location");
            taskIds.add(location.substring(location.lastIndexOf('/') + 1));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(rep) == REMINDERS);
        // several more polling rounds of both nodes: nothing runs again
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);

        assertThat(taskIds).allSatisfy(id -> assertThat(runs.get(id)).as("runs of the reminder of task %s", id)
                .isNotNull().hasValue(1));
        assertThat(runs).hasSize(REMINDERS);
        assertThat(runsPerNode[0].get() + runsPerNode[1].get()).isEqualTo(REMINDERS);
        assertThat(notifications(rep)).isEqualTo(REMINDERS);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = :name and task_instance in (:ids)")
                .param("name", reminderTask.getName()).param("ids", taskIds).query(Integer.class).single()).isZero();
    }

    int notifications(TestUsers.TestUser user) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and kind = 'taskReminder'")
                .param("u", user.id()).query(Integer.class).single();
    }
}
