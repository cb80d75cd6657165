package io.kervan.notifications;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one notification by e-mail, as a db-scheduler job (instance = the notification id), so that it
 * survives restarts and runs on one node only. The notification row is locked while sending and marked
 * {@code sent} in the same transaction: a second run of the job (a retry, a revived execution after a
 * crash) finds it sent and does nothing. If SMTP fails, the transaction rolls back and the job retries
 * with a growing delay.
 */
@Component
class NotificationEmailJob {

    static final String TASK_NAME = "notification-email";
    private static final Logger log = LoggerFactory.getLogger(NotificationEmailJob.class);

    private final NotificationRepository notifications;
    private final NotificationMailer mailer;
    private final UserService users;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OneTimeTask<String> task;

    NotificationEmailJob(NotificationRepository notifications, NotificationMailer mailer, UserService users,
            TransactionTemplate transactions, Clock clock) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
        this.task = Tasks.oneTime(TASK_NAME, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(12,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30))))
                .execute((instance, context) -> send(UUID.fromString(instance.getData())));
    }

    OneTimeTask<String> task() {
        return task;
    }

    boolean canSend() {
        return mailer.configured();
    }

    void send(UUID notificationId) {
        transactions.executeWithoutResult(status -> {
            Optional<NotificationView> found = notifications.lockForEmail(notificationId);
            if (found.isEmpty() || !"pending".equals(found.get().emailStatus())) {
                return;
            }
            NotificationView notification = found.get();
            Optional<UserView> user = users.find(notification.userId()).filter(UserView::active);
            if (user.isEmpty() || !mailer.configured()) {
                notifications.setEmailStatus(notificationId, "skipped", null);
                return;
            }
            mailer.send(user.get(), notification);
            notifications.setEmailStatus(notificationId, "sent", clock.instant());
            log.info("Sent notification {} ({}) by e-mail", notificationId, notification.kind().key());
        });
    }

    /** Registers the job with the scheduler (every Task bean is). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registration {

        @org.springframework.context.annotation.Bean
        OneTimeTask<String> notificationEmailTask(NotificationEmailJob job) {
            return job.task();
        }
    }
}
