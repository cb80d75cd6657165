package io.kervan.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * The event publication registry is an outbox, not a record of what happened (that is the audit trail):
 * a publication only has to outlive a crash until its listener has run. Completed publications are
 * therefore deleted on completion ({@code spring.modulith.events.completion-mode=delete}); before that
 * setting they were kept for ever — every change's serialised content, personal data included, a second
 * time (560 MB after the benchmark's runs, 300 KB per import batch). This job removes such leftovers,
 * and any that a completion in another mode would leave, once they are older than
 * {@code kervan.events.keep-completed} (default: none kept).
 */
@Configuration(proxyBeanMethods = false)
class CompletedEventPurge {

    @Bean
    RecurringTask<Void> completedEventPurgeTask(CompletedEventPublications completed,
            @Value("${kervan.events.keep-completed:0s}") Duration keep,
            @Value("${kervan.events.purge-interval:1h}") Duration interval) {
        return Tasks.recurring("completed-event-purge", Schedules.fixedDelay(interval))
                .execute((instance, context) -> completed.deletePublicationsOlderThan(keep));
    }
}
