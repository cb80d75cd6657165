package io.kervan.shared.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A job only the tests schedule. Found by component scanning, so it joins the one shared test
 * context like any module's job instead of forcing a context of its own.
 */
@Configuration(proxyBeanMethods = false)
class RecordingJob {

    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Bean
    OneTimeTask<String> recordingTask() {
        return Tasks.oneTime("test-recording", String.class).execute((instance, context) -> RAN.add(instance.getData()));
    }
}
