package io.kervan.tasks;

import io.kervan.shared.records.CalendarEvent;
import io.kervan.shared.records.CalendarEventSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated tasks assigned to the user, for their calendar feed: open and done ones (a done task shows
 * with a tick), not cancelled ones. The UID is the task's id, so an edited task replaces its event.
 */
@Component
class TaskCalendarEvents implements CalendarEventSource {

    private final TaskRepository tasks;

    TaskCalendarEvents(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CalendarEvent> eventsFor(UUID userId, Instant from, Instant to) {
        return tasks.select("t.assignee_id = :user and t.status <> 'cancelled' and t.due_at >= :from and t.due_at < :to",
                        "order by t.due_at, t.id limit 2000",
                        Map.of("user", userId, "from", Timestamp.from(from), "to", Timestamp.from(to)))
                .stream().map(TaskCalendarEvents::event).toList();
    }

    static String uid(UUID taskId) {
        return "task-" + taskId + "@kervan";
    }

    private static CalendarEvent event(TaskDetails t) {
        String summary = (t.status() == TaskStatus.DONE ? "✓ " : "") + t.title();
        return new CalendarEvent(uid(t.id()), t.version(), summary, t.description(), t.dueAt(), null, null,
                t.updatedAt(), "/tasks/" + t.id());
    }
}
