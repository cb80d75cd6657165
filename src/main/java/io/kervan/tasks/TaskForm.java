package io.kervan.tasks;

import io.kervan.shared.FieldProblem;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The task form as the browser posts it: local date-times (Turkey's zone, like the rest of the UI),
 * the reminder as a choice relative to the due time or at a chosen time, and links as
 * {@code type:id} values.
 */
public class TaskForm {

    /** Reminder choices relative to the due time. */
    static final Map<String, Duration> BEFORE_DUE = Map.of("15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1),
            "1d", Duration.ofDays(1));

    public String title;
    public String description;
    public String dueAt;
    public String priority = "normal";
    public String status = "open";
    public String assigneeId;
    public String reminder = "none";
    public String reminderAt;
    public List<String> links = new ArrayList<>();
    public String returnTo;
    public Long version;

    static TaskForm of(TaskDetails t) {
        TaskForm form = new TaskForm();
        form.title = t.title();
        form.description = t.description();
        form.dueAt = local(t.dueAt());
        form.priority = t.priority().key();
        form.status = t.status().key();
        form.assigneeId = t.assigneeId().toString();
        form.reminder = "none";
        if (t.reminderAt() != null) {
            form.reminder = "custom";
            form.reminderAt = local(t.reminderAt());
            if (t.dueAt() != null) {
                Duration before = Duration.between(t.reminderAt(), t.dueAt());
                BEFORE_DUE.forEach((key, value) -> {
                    if (value.equals(before)) {
                        form.reminder = key;
                    }
                });
            }
        }
        form.links = new ArrayList<>(t.links().stream().map(l -> l.type().apiName() + ":" + l.id()).toList());
        form.version = t.version();
        return form;
    }

    TaskDraft toDraft() {
        List<FieldProblem> problems = new ArrayList<>();
        Instant due = parse(dueAt, "dueAt", problems);
        Instant remind = null;
        if ("custom".equals(reminder)) {
            remind = parse(reminderAt, "reminderAt", problems);
            if (remind == null && problems.isEmpty()) {
                problems.add(new FieldProblem("reminderAt", "tasks.validation.reminderAtRequired"));
            }
        } else if (reminder != null && BEFORE_DUE.containsKey(reminder)) {
            if (due == null) {
                problems.add(new FieldProblem("reminder", "tasks.validation.reminderNeedsDue"));
            } else {
                remind = due.minus(BEFORE_DUE.get(reminder));
            }
        }
        List<RecordRef> refs = new ArrayList<>();
        for (String link : links == null ? List.<String>of() : links) {
            int colon = link.indexOf(':');
            try {
                refs.add(RecordRef.of(link.substring(0, Math.max(colon, 0)), UUID.fromString(link.substring(colon + 1))));
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("links", "tasks.validation.link"));
            }
        }
        UUID assignee = null;
        if (assigneeId != null && !assigneeId.isBlank()) {
            try {
                assignee = UUID.fromString(assigneeId);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("assigneeId", "tasks.validation.assignee"));
            }
        }
        if (!problems.isEmpty()) {
            // show the rules' problems (a missing title...) together with the form's own
            try {
                TaskRules.normalize(new TaskDraft(title, description, null, priority, status, null, null, List.of()));
            } catch (InvalidInputException e) {
                problems.addAll(0, e.problems());
            }
            throw new InvalidInputException(problems);
        }
        return new TaskDraft(title, description, due, priority, status, assignee, remind, refs);
    }

    private static Instant parse(String local, String field, List<FieldProblem> problems) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(TaskService.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "tasks.validation.dateTime"));
            return null;
        }
    }

    static String local(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant, TaskService.ZONE).withSecond(0).withNano(0).toString();
    }

    /** A safe place to go back to: a path on this site, never another host. */
    static String safeReturn(String returnTo, String fallback) {
        return returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\")
                ? returnTo : fallback;
    }
}
