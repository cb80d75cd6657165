package io.kervan.tasks;

import io.kervan.shared.InvalidInputException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** The {@code due} filter: overdue (before now), today (from now to midnight), upcoming (later or undated). */
enum Window {
    OVERDUE, TODAY, UPCOMING;

    static Window parse(String due) {
        return switch (due) {
            case "overdue" -> OVERDUE;
            case "today" -> TODAY;
            case "upcoming" -> UPCOMING;
            default -> throw new InvalidInputException("due", "tasks.validation.due");
        };
    }

    /** Midnight at the end of {@code now}'s day in {@link TaskService#ZONE}. */
    static Instant endOfToday(Instant now) {
        return now.atZone(TaskService.ZONE).toLocalDate().plusDays(1).atStartOfDay(TaskService.ZONE).toInstant();
    }

    String condition(Instant now, Map<String, Object> params) {
        params.put("windowNow", Timestamp.from(now));
        params.put("windowEnd", Timestamp.from(endOfToday(now)));
        return switch (this) {
            case OVERDUE -> "t.status = 'open' and t.due_at < :windowNow";
            case TODAY -> "t.status = 'open' and t.due_at >= :windowNow and t.due_at < :windowEnd";
            case UPCOMING -> "t.status = 'open' and (t.due_at >= :windowEnd or t.due_at is null)";
        };
    }
}
