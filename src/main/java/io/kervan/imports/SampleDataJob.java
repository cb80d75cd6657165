package io.kervan.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the sample data as a background job (it takes a minute): when an admin presses "Load sample
 * data" on an empty installation, or at start with {@code KERVAN_SAMPLE_DATA=true} when there is an
 * admin and no company yet. The job runs as that admin.
 */
@Configuration(proxyBeanMethods = false)
class SampleDataJob {

    static final String NAME = "sample-data";

    @Bean
    OneTimeTask<String> sampleDataTask(SampleData sampleData, BackgroundUser backgroundUser) {
        return Tasks.oneTime(NAME, String.class).execute((instance, context) ->
                backgroundUser.runAs(UUID.fromString(instance.getData()), sampleData::load));
    }

    /** Starts the job once (a second request while it is queued or running changes nothing). */
    @Component
    static class Launcher {

        private static final Logger log = LoggerFactory.getLogger(Launcher.class);

        private final SchedulerClient scheduler;
        private final OneTimeTask<String> task;
        private final UserService users;
        private final BackgroundUser backgroundUser;
        private final SampleData sampleData;
        private final boolean atStart;

        Launcher(SchedulerClient scheduler, OneTimeTask<String> sampleDataTask, UserService users,
                BackgroundUser backgroundUser, SampleData sampleData,
                @Value("${kervan.sample-data:false}") boolean atStart) {
            this.scheduler = scheduler;
            this.task = sampleDataTask;
            this.users = users;
            this.backgroundUser = backgroundUser;
            this.sampleData = sampleData;
            this.atStart = atStart;
        }

        void launch(UUID adminId) {
            scheduler.scheduleIfNotExists(task.instance(NAME, adminId.toString()), Instant.now());
        }

        @EventListener(ApplicationReadyEvent.class)
        void loadAtStart() {
            if (!atStart) {
                return;
            }
            Optional<UserView> admin = users.list().stream().filter(u -> u.role() == Role.ADMIN && u.active())
                    .findFirst();
            if (admin.isEmpty()) {
                log.warn("KERVAN_SAMPLE_DATA is set but there is no admin yet; use \"Load sample data\" after the setup");
                return;
            }
            if (backgroundUser.runAs(admin.get().id(), sampleData::offered)) {
                log.info("Loading the sample data (KERVAN_SAMPLE_DATA=true)");
                launch(admin.get().id());
            }
        }
    }
}
