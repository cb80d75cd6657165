package io.kervan.tasks;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.kervan.notifications.NewNotification;
import io.kervan.notifications.NotificationKind;
import io.kervan.notifications.Notifications;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task reminders as db-scheduler jobs: one job per task (instance = task id) due at the reminder
 * time, carrying that time. It is written in the same transaction as the task, so it exists exactly
 * when the task's reminder does; changing the reminder moves the job, closing the task removes it. When
 * the job runs it notifies the assignee only if the task is still open with that same reminder time,
 * under a dedupe key (task, reminder time): a job that runs twice notifies once.
 */
@Component
class TaskReminders {

    static final String TASK_NAME = "task-reminder";

    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;

    TaskReminders(@Lazy SchedulerClient scheduler, TaskRepository tasks, @Lazy Notifications notifications,
            TransactionTemplate transactions) {
        this.scheduler = scheduler;
        this.task = Tasks.oneTime(TASK_NAME, String.class).execute((instance, context) -> transactions
                .executeWithoutResult(status -> remind(tasks, notifications, UUID.fromString(instance.getId()),
                        Long.parseLong(instance.getData()))));
    }

    OneTimeTask<String> task() {
        return task;
    }

    /** Makes the scheduled job match the task's reminder: schedule, move or remove it. */
    void sync(TaskDetails details) {
        TaskInstanceId id = TaskInstanceId.of(TASK_NAME, details.id().toString());
        Optional<ScheduledExecution<Object>> existing = scheduler.getScheduledExecution(id);
        boolean wanted = details.open() && details.reminderAt() != null;
        if (existing.isPresent() && existing.get().isPicked()) {
            // running right now: it checks the reminder time it carries against the task's and finishes
            return;
        }
        if (!wanted) {
            existing.ifPresent(e -> scheduler.cancel(id));
            return;
        }
        String data = Long.toString(details.reminderAt().toEpochMilli());
        if (existing.isPresent()) {
            scheduler.reschedule(id, details.reminderAt(), data);
        } else {
            scheduler.schedule(task.instance(details.id().toString(), data), details.reminderAt());
        }
    }

    private static void remind(TaskRepository tasks, Notifications notifications, UUID taskId, long reminderAt) {
        tasks.findById(taskId)
                .filter(t -> t.open() && t.reminderAt() != null && t.reminderAt().toEpochMilli() == reminderAt)
                .ifPresent(t -> notifications.notify(new NewNotification(t.assigneeId(), NotificationKind.TASK_REMINDER,
                        t.title(), "/tasks/" + t.id(), "task-reminder:" + t.id() + ":" + reminderAt)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        OneTimeTask<String> taskReminderTask(TaskReminders reminders) {
            return reminders.task();
        }
    }
}
