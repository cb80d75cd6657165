package io.kervan.tasks;

import io.kervan.shared.LiteralLimit;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.TimelineEntry;
import io.kervan.shared.records.TimelineQuery;
import io.kervan.shared.records.TimelineSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks on record timelines: an open task sits at its due time (or its creation when undated), a
 * closed one at the time it was closed. The cursor id is {@code task:<id>}, compared in byte order as
 * {@link TimelineEntry#NEWEST_FIRST} compares it.
 */
@Component
class TaskTimelineSource implements TimelineSource {

    private static final String AT = "case when t.status = 'open' then coalesce(t.due_at, t.created_at) "
            + "else coalesce(t.completed_at, t.updated_at) end";

    private final TaskRepository tasks;

    TaskTimelineSource(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public String kind() {
        return "task";
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(TimelineQuery query) {
        if (query.records().isEmpty() || query.limit() <= 0) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String where = TaskRepository.linkedToAny(query.records(), params);
        if (!query.isFirstPage()) {
            where += " and (" + AT + " < :before or (" + AT + " = :before and ('task:' || t.id::text) collate \"C\" < "
                    + ":beforeId collate \"C\"))";
            params.put("before", Timestamp.from(query.before()));
            params.put("beforeId", query.beforeId() == null ? "" : query.beforeId());
        }
        String order = "order by " + AT + " desc, ('task:' || t.id::text) collate \"C\" desc ";
        List<TaskDetails> found = tasks.select(where, order + LiteralLimit.of(query.limit()), params);
        return found.stream().map(t -> entry(t, query)).toList();
    }

    private static TimelineEntry entry(TaskDetails t, TimelineQuery query) {
        Instant at = t.open() ? (t.dueAt() != null ? t.dueAt() : t.createdAt())
                : (t.completedAt() != null ? t.completedAt() : t.updatedAt());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", t.status().key());
        details.put("priority", t.priority().key());
        details.put("dueAt", t.dueAt());
        details.put("assigneeId", t.assigneeId());
        details.put("completedAt", t.completedAt());
        details.put("bodyIsHtml", false);
        RecordRef about = t.links().stream().filter(query.records()::contains).findFirst()
                .orElse(t.links().isEmpty() ? null : t.links().get(0));
        return new TimelineEntry("task", t.id().toString(), at, t.open() ? t.createdBy() : t.updatedBy(),
                t.status().key(), t.title(), t.description(), details, about);
    }
}
