package io.kervan.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
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
 * Builds the db-scheduler {@link Scheduler} from the application's own {@link DataSource} (the
 * Boot 3 starter cannot see Boot 4's data source ordering) and every {@link Task} bean.
 *
 * <p>The scheduler reads time from the application {@link Clock}, so tests that pin the clock also
 * decide when jobs are due. It goes through a transaction-aware proxy so that a job scheduled
 * inside a business transaction is stored (or rolled back) together with that transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, JobsProperties properties, Clock clock) {
        List<Task<?>> startupTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .startTasks(asStartTasks(startupTasks))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .enableImmediateExecution()
                .clock(clock::instant)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List asStartTasks(List<Task<?>> startupTasks) {
        return startupTasks;
    }

    /** Starts the scheduler once the whole application is ready and stops it before the database goes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, JobsProperties properties) {
        return new SchedulerLifecycle(scheduler, properties.enabled());
    }

    /** Modules schedule one-time jobs through this client; it works even where jobs are disabled. */
    @Bean
    SchedulerClient schedulerClient(Scheduler scheduler) {
        return scheduler;
    }
}
