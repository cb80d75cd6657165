package io.kervan.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.Waiter;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Runs db-scheduler on the application's own {@link DataSource} (the Boot 3 starter cannot see Boot
 * 4's data source ordering) with every {@link Task} bean.
 *
 * <p>Both the scheduler and the client go through a transaction-aware proxy, so a job scheduled
 * inside a business transaction is stored — or rolled back — together with that transaction. The
 * scheduler reads time from the application {@link Clock}, so tests that pin the clock also decide
 * when jobs are due.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    /** Modules schedule one-time jobs through this client; it needs no running scheduler. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks).build();
    }

    /** Starts a scheduler once the whole application is ready and stops it before the database goes. */
    @Bean
    SmartLifecycle schedulerLifecycle(DataSource dataSource, List<Task<?>> tasks, JobsProperties properties, Clock clock) {
        return new SchedulerLifecycle(() -> newScheduler(dataSource, tasks, properties, clock), properties.enabled());
    }

    /** A scheduler as every node runs it (also built twice on one database by the tests, as two nodes). */
    static Scheduler newScheduler(DataSource dataSource, List<Task<?>> tasks, JobsProperties properties,
            Clock clock) {
        // startTasks(...) registers the recurring jobs itself; giving them to create(...) as well fails
        // with "Duplicate key" as soon as one recurring job exists
        List<Task<?>> otherTasks = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return new RealTimePollingSchedulerBuilder(new TransactionAwareDataSourceProxy(dataSource), otherTasks)
                .startTasks(startupTasks(tasks))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .enableImmediateExecution()
                .clock(clock::instant)
                .build();
    }

    /**
     * db-scheduler measures the pause between two polls with the scheduler's clock: it waits until that
     * clock reaches "start of pause + polling interval". A clock that steps back (an NTP correction, or a
     * test's clock released from a pinned future time) would stall polling until it caught up again, and
     * a clock that stands still would stall it for good. The pause is measured in real time instead;
     * which jobs are due is still decided by the application clock.
     */
    private static final class RealTimePollingSchedulerBuilder extends SchedulerBuilder {

        RealTimePollingSchedulerBuilder(DataSource dataSource, List<Task<?>> tasks) {
            super(dataSource, tasks);
        }

        @Override
        protected Waiter buildWaiter() {
            return new Waiter(poolingInterval);
        }
    }

    /** Recurring jobs schedule themselves on start-up (once per cluster: the row is keyed by task name). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List startupTasks(List<Task<?>> tasks) {
        return tasks.stream().filter(OnStartup.class::isInstance).toList();
    }
}
