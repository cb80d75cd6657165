package io.kervan.tasks;

import io.kervan.shared.FieldProblem;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.RecordRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Shape rules of a task: what must be there, how long it may be, which values are known. */
final class TaskRules {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_LINKS = 20;

    private TaskRules() {
    }

    /** The draft with trimmed text and defaults; all problems at once. */
    static Normalized normalize(TaskDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = draft.title() == null ? null : draft.title().strip();
        if (title == null || title.isEmpty()) {
            problems.add(new FieldProblem("title", "tasks.validation.titleRequired"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "tasks.validation.titleTooLong"));
        }
        String description = draft.description() == null || draft.description().isBlank() ? null
                : draft.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "tasks.validation.descriptionTooLong"));
        }
        TaskPriority priority = draft.priority() == null || draft.priority().isBlank() ? TaskPriority.NORMAL
                : TaskPriority.parse(draft.priority()).orElse(null);
        if (priority == null) {
            problems.add(new FieldProblem("priority", "tasks.validation.priority"));
        }
        TaskStatus status = draft.status() == null || draft.status().isBlank() ? TaskStatus.OPEN
                : TaskStatus.parse(draft.status()).orElse(null);
        if (status == null) {
            problems.add(new FieldProblem("status", "tasks.validation.status"));
        }
        List<RecordRef> links = draft.links() == null ? List.of() : List.copyOf(new LinkedHashSet<>(draft.links()));
        if (links.size() > MAX_LINKS) {
            problems.add(new FieldProblem("links", "tasks.validation.tooManyLinks"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Normalized(title, description, priority, status, links);
    }

    record Normalized(String title, String description, TaskPriority priority, TaskStatus status,
            List<RecordRef> links) {
    }
}
