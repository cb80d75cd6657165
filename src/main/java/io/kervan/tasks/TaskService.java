package io.kervan.tasks;

import io.kervan.identity.Role;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.notifications.NewNotification;
import io.kervan.notifications.NotificationKind;
import io.kervan.notifications.Notifications;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.KeysetQuery;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks module's API. A user sees the tasks assigned to them or created by them, the tasks of
 * the people whose records they fully see (a manager: the team's), and the tasks on records they may
 * see; they change tasks that are theirs (assigned or created) or whose assignee's records they may
 * edit. Anyone but a read-only user may create tasks and assign them to any active user.
 */
@Service
public class TaskService {

    /** Days and "today" follow Turkey's time zone until users can choose one (as the rest of the UI). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final String RECORD_TYPE = "task";
    static final Duration DONE_RECENTLY = Duration.ofDays(7);

    static final Keyset.Column DUE = new Keyset.Column("dueAt", "coalesce(t.due_at, 'infinity'::timestamptz)",
            Keyset.Kind.TIMESTAMP);
    static final Keyset.Column CREATED = new Keyset.Column("createdAt", "t.created_at", Keyset.Kind.TIMESTAMP);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "t.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(DUE, CREATED, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(DUE, false);

    private final TaskRepository tasks;
    private final TaskLinks links;
    private final TaskReminders reminders;
    private final Notifications notifications;
    private final Visibility visibility;
    private final UserService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    TaskService(TaskRepository tasks, TaskLinks links, TaskReminders reminders, Notifications notifications,
            Visibility visibility, UserService users, JdbcClient jdbc, Clock clock) {
        this.tasks = tasks;
        this.links = links;
        this.reminders = reminders;
        this.notifications = notifications;
        this.visibility = visibility;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Slice<TaskDetails> list(TaskFilter filter, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, SORTABLE, DEFAULT_SORT);
        VisibilityScope scope = visibility.current();
        KeysetQuery query = KeysetQuery.over("t");
        if (filter.record() != null) {
            // the tasks on a record the user may see are visible with the record
            requireVisibleRecord(filter.record());
            Map<String, Object> params = new HashMap<>();
            query.where(TaskRepository.linkedToAny(List.of(filter.record()), params), params);
        } else {
            query.where(predicate(scope), parameters(scope));
        }
        query.whereEquals("t.assignee_id", "assigneeId", filter.assigneeId());
        if (filter.status() != null && !filter.status().isBlank()) {
            TaskStatus status = TaskStatus.parse(filter.status())
                    .orElseThrow(() -> new InvalidInputException("status", "tasks.validation.status"));
            query.whereEquals("t.status", "status", status.key());
        }
        if (filter.due() != null && !filter.due().isBlank()) {
            Window window = Window.parse(filter.due());
            Map<String, Object> params = new HashMap<>();
            query.where(window.condition(now(), params), params);
        }
        Slice<TaskDetails> page = query.page(jdbc, TaskRepository.COLUMNS, "tasks t", order,
                Keyset.Cursor.decode(cursor), Keyset.limit(limit), TaskRepository::map, TaskDetails::id);
        return new Slice<>(tasks.withLinks(page.items()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public TaskDetails get(UUID id) {
        return visible(visibility.current(), id);
    }

    @Transactional(readOnly = true)
    public boolean canEdit(TaskDetails task) {
        return editable(visibility.current(), task);
    }

    @Transactional(readOnly = true)
    public boolean canCreate() {
        VisibilityScope scope = visibility.current();
        return scope.role() != Role.READ_ONLY;
    }

    @Transactional
    public TaskDetails create(TaskDraft draft) {
        VisibilityScope scope = visibility.current();
        if (!canCreate()) {
            throw new NotAllowedException("Your role may not create tasks");
        }
        TaskRules.Normalized task = TaskRules.normalize(draft);
        UUID assignee = assignee(draft.assigneeId(), scope.userId(), null);
        links.requireVisible(task.links());
        UUID id = Ids.newId();
        tasks.insert(id, task, draft.dueAt(), assignee, draft.reminderAt(), scope.userId(), now());
        TaskDetails created = tasks.findById(id).orElseThrow();
        reminders.sync(created);
        notifyAssigned(created, scope.userId());
        return created;
    }

    @Transactional
    public TaskDetails update(UUID id, TaskDraft draft, long expectedVersion) {
        VisibilityScope scope = visibility.current();
        TaskDetails before = visible(scope, id);
        if (!editable(scope, before)) {
            throw new NotAllowedException("You may see this task but not change it");
        }
        TaskRules.Normalized task = TaskRules.normalize(draft);
        UUID assignee = assignee(draft.assigneeId(), before.assigneeId(), before.assigneeId());
        // links the user cannot see stay as they are; new ones must be visible
        links.requireVisible(task.links().stream().filter(l -> !before.links().contains(l)).toList());
        if (!tasks.update(id, task, draft.dueAt(), assignee, draft.reminderAt(), scope.userId(), now(),
                expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        TaskDetails after = tasks.findById(id).orElseThrow();
        reminders.sync(after);
        if (!Objects.equals(before.assigneeId(), after.assigneeId())) {
            notifyAssigned(after, scope.userId());
        }
        return after;
    }

    /** Marks the task done (or open again with {@code done=false}). */
    @Transactional
    public TaskDetails complete(UUID id, boolean done, Long expectedVersion) {
        TaskDetails current = get(id);
        TaskDraft d = current.toDraft();
        return update(id, new TaskDraft(d.title(), d.description(), d.dueAt(), d.priority(),
                done ? TaskStatus.DONE.key() : TaskStatus.OPEN.key(), d.assigneeId(), d.reminderAt(), d.links()),
                expectedVersion == null ? current.version() : expectedVersion);
    }

    /** The signed-in user's "My work": overdue, due today, upcoming (and undated), done in the last week. */
    @Transactional(readOnly = true)
    public MyWork myWork() {
        UUID me = visibility.current().userId();
        return work(List.of(me));
    }

    /**
     * The team view: open and recently closed tasks of the people whose records the signed-in user fully
     * sees (a manager: their teams; an admin: everyone), optionally of one of them.
     */
    @Transactional(readOnly = true)
    public MyWork teamWork(UUID assigneeId) {
        List<UUID> team = teamMembers().stream().map(UserView::id).toList();
        if (assigneeId != null) {
            if (!team.contains(assigneeId)) {
                throw new InvalidInputException("assigneeId", "tasks.validation.notInTeam");
            }
            return work(List.of(assigneeId));
        }
        return work(team);
    }

    /** Whether the signed-in user has a team view (managers and admins). */
    @Transactional(readOnly = true)
    public boolean hasTeamView() {
        VisibilityScope scope = visibility.current();
        return scope.role() == Role.ADMIN || scope.role() == Role.MANAGER;
    }

    /** The people in the signed-in user's team view. */
    @Transactional(readOnly = true)
    public List<UserView> teamMembers() {
        VisibilityScope scope = visibility.current();
        if (!hasTeamView()) {
            throw new NotAllowedException("Only managers and admins have a team view");
        }
        return users.list().stream().filter(UserView::active)
                .filter(u -> scope.editsAll() || scope.editableOwners().contains(u.id())).toList();
    }

    /** Active users a task may be given to. */
    @Transactional(readOnly = true)
    public List<UserView> assignableUsers() {
        return users.list().stream().filter(UserView::active).toList();
    }

    private MyWork work(List<UUID> assignees) {
        Instant now = now();
        Instant endOfToday = Window.endOfToday(now);
        Map<String, Object> params = new HashMap<>();
        params.put("assignees", assignees.toArray(UUID[]::new));
        params.put("now", java.sql.Timestamp.from(now));
        params.put("endOfToday", java.sql.Timestamp.from(endOfToday));
        params.put("doneSince", java.sql.Timestamp.from(now.minus(DONE_RECENTLY)));
        String mine = "t.assignee_id = any(:assignees)";
        List<TaskDetails> overdue = tasks.select(mine + " and t.status = 'open' and t.due_at < :now",
                "order by t.due_at, t.id limit 200", params);
        List<TaskDetails> today = tasks.select(
                mine + " and t.status = 'open' and t.due_at >= :now and t.due_at < :endOfToday",
                "order by t.due_at, t.id limit 200", params);
        List<TaskDetails> upcoming = tasks.select(
                mine + " and t.status = 'open' and (t.due_at >= :endOfToday or t.due_at is null)",
                "order by t.due_at nulls last, t.id limit 200", params);
        List<TaskDetails> done = tasks.select(mine + " and t.status <> 'open' and t.completed_at >= :doneSince",
                "order by t.completed_at desc, t.id limit 50", params);
        return new MyWork(overdue, today, upcoming, done);
    }

    /** A user's tasks by section. */
    public record MyWork(List<TaskDetails> overdue, List<TaskDetails> today, List<TaskDetails> upcoming,
            List<TaskDetails> doneRecently) {

        public boolean isEmpty() {
            return overdue.isEmpty() && today.isEmpty() && upcoming.isEmpty() && doneRecently.isEmpty();
        }
    }

    /** Open tasks and the last closed ones linked to a record the signed-in user may see. */
    @Transactional(readOnly = true)
    public RecordTasks forRecord(RecordRef record) {
        LinkedRecord linked = requireVisibleRecord(record);
        Map<String, Object> params = new HashMap<>();
        String linkedTo = TaskRepository.linkedToAny(List.of(record), params);
        List<TaskDetails> open = tasks.select(linkedTo + " and t.status = 'open'",
                "order by t.due_at nulls last, t.id limit 100", params);
        List<TaskDetails> closed = tasks.select(linkedTo + " and t.status <> 'open'",
                "order by t.completed_at desc nulls last, t.id limit 5", params);
        return new RecordTasks(linked, open, closed);
    }

    public record RecordTasks(LinkedRecord record, List<TaskDetails> open, List<TaskDetails> recentlyClosed) {
    }

    /** Names of the task's linked records the signed-in user may see. */
    @Transactional(readOnly = true)
    public Map<RecordRef, LinkedRecord> visibleLinks(TaskDetails task) {
        return links.visible(task.links());
    }

    /** The record as the signed-in user may see it; empty when hidden or not there. */
    @Transactional(readOnly = true)
    public java.util.Optional<LinkedRecord> findVisibleRecord(RecordRef record) {
        return links.findVisible(record);
    }

    /** The record as the signed-in user may see it, or a 404 for a record that is hidden or not there. */
    @Transactional(readOnly = true)
    public LinkedRecord requireVisibleRecord(RecordRef record) {
        return links.findVisible(record)
                .orElseThrow(() -> new RecordNotFoundException(record.type().apiName(), record.id()));
    }

    private void notifyAssigned(TaskDetails task, UUID actorId) {
        if (task.assigneeId().equals(actorId) || !task.open()) {
            return;
        }
        notifications.notify(new NewNotification(task.assigneeId(), NotificationKind.TASK_ASSIGNED, task.title(),
                "/tasks/" + task.id(), "task-assigned:" + task.id() + ":" + task.version()));
    }

    private UUID assignee(UUID requested, UUID fallback, UUID unchanged) {
        UUID assignee = requested == null ? fallback : requested;
        if (assignee.equals(unchanged)) {
            return assignee;
        }
        if (users.find(assignee).filter(UserView::active).isEmpty()) {
            throw new InvalidInputException("assigneeId", "tasks.validation.assignee");
        }
        return assignee;
    }

    private TaskDetails visible(VisibilityScope scope, UUID id) {
        return tasks.findById(id).filter(t -> canView(scope, t))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    private boolean canView(VisibilityScope scope, TaskDetails task) {
        UUID me = scope.userId();
        return scope.seesAll() || me.equals(task.assigneeId()) || me.equals(task.createdBy())
                || scope.fullOwners().contains(task.assigneeId()) || !links.visible(task.links()).isEmpty();
    }

    private static boolean editable(VisibilityScope scope, TaskDetails task) {
        UUID me = scope.userId();
        return scope.editsAll() || me.equals(task.assigneeId()) || me.equals(task.createdBy())
                || scope.editableOwners().contains(task.assigneeId());
    }

    private static String predicate(VisibilityScope scope) {
        return scope.seesAll() ? "true" : "(t.assignee_id = any(:taskOwners) or t.created_by = :taskMe)";
    }

    private static Map<String, Object> parameters(VisibilityScope scope) {
        if (scope.seesAll()) {
            return Map.of();
        }
        return Map.of("taskOwners", scope.fullOwners().toArray(UUID[]::new), "taskMe", scope.userId());
    }
}
