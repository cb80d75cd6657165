package io.kervan.notifications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.kervan.deals.StaleDeals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Tells owners when a deal of theirs goes stale. A recurring job (one node at a time) looks at deals
 * that turned stale in the last week; the dedupe key (deal, stale time) makes each stale episode one
 * notification however often the job runs, and a deal that gets an activity and goes stale again is
 * notified again. Deals stale for longer than a week when this first runs are not announced.
 */
@Component
class StaleDealNotifier {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final int BATCH = 500;

    private final StaleDeals staleDeals;
    private final Notifications notifications;
    private final Clock clock;

    StaleDealNotifier(StaleDeals staleDeals, Notifications notifications, Clock clock) {
        this.staleDeals = staleDeals;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return how many notifications were stored */
    int notifyNewlyStale() {
        Instant now = clock.instant();
        int stored = 0;
        for (StaleDeals.StaleDeal deal : staleDeals.wentStaleBetween(now.minus(LOOK_BACK), now, BATCH)) {
            if (notifications.notify(new NewNotification(deal.ownerId(), NotificationKind.DEAL_STALE, deal.title(),
                    "/deals/" + deal.id(), "deal-stale:" + deal.id() + ":" + deal.staleAt().toEpochMilli()))) {
                stored++;
            }
        }
        return stored;
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        @Bean
        RecurringTask<Void> staleDealCheck(StaleDealNotifier notifier,
                @Value("${kervan.notifications.stale-check-interval:15m}") Duration interval) {
            return Tasks.recurring("deal-stale-check", Schedules.fixedDelay(interval))
                    .execute((instance, context) -> notifier.notifyNewlyStale());
        }
    }
}
