package io.kervan.tasks;

import io.kervan.shared.Rows;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of tasks and their record links, with optimistic locking on {@code version}. */
@Repository
class TaskRepository {

    static final String COLUMNS = """
            t.id, t.title, t.description, t.due_at, t.priority, t.status, t.assignee_id, t.reminder_at,
            t.completed_at, t.created_at, t.updated_at, t.created_by, t.updated_by, t.version""";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TaskDetails> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tasks t where t.id = :id").param("id", id)
                .query(TaskRepository::map).optional().map(t -> withLinks(List.of(t)).get(0));
    }

    void insert(UUID id, TaskRules.Normalized task, Instant dueAt, UUID assigneeId, Instant reminderAt, UUID actorId,
            Instant now) {
        jdbc.sql("""
                insert into tasks (id, title, description, due_at, priority, status, assignee_id, reminder_at,
                    completed_at, created_at, updated_at, created_by, updated_by, version)
                values (:id, :title, :description, :dueAt, :priority, :status, :assigneeId, :reminderAt,
                    :completedAt, :now, :now, :actor, :actor, 0)""")
                .params(fields(task, dueAt, assigneeId, reminderAt)).param("id", id)
                .param("completedAt", task.status() == TaskStatus.OPEN ? null : Timestamp.from(now))
                .param("now", Timestamp.from(now)).param("actor", actorId).update();
        replaceLinks(id, task.links());
    }

    /** Writes the new state if {@code expectedVersion} is still current; false when someone else was faster. */
    boolean update(UUID id, TaskRules.Normalized task, Instant dueAt, UUID assigneeId, Instant reminderAt,
            UUID actorId, Instant now, long expectedVersion) {
        boolean updated = jdbc.sql("""
                update tasks set title = :title, description = :description, due_at = :dueAt, priority = :priority,
                    completed_at = case when :status = 'open' then null
                                        when status = 'open' then :now else completed_at end,
                    status = :status, assignee_id = :assigneeId, reminder_at = :reminderAt,
                    updated_at = :now, updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .params(fields(task, dueAt, assigneeId, reminderAt)).param("id", id)
                .param("now", Timestamp.from(now)).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
        if (updated) {
            replaceLinks(id, task.links());
        }
        return updated;
    }

    private void replaceLinks(UUID id, List<RecordRef> links) {
        jdbc.sql("delete from task_links where task_id = :id").param("id", id).update();
        for (RecordRef link : links) {
            jdbc.sql("insert into task_links (task_id, record_type, record_id) values (:id, :type, :recordId)")
                    .param("id", id).param("type", link.type().apiName()).param("recordId", link.id()).update();
        }
    }

    /** The tasks with their links filled in, one query for all links. */
    List<TaskDetails> withLinks(List<TaskDetails> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Map<UUID, List<RecordRef>> links = new HashMap<>();
        jdbc.sql("select task_id, record_type, record_id from task_links where task_id = any(:ids) "
                        + "order by record_type, record_id")
                .param("ids", tasks.stream().map(TaskDetails::id).toArray(UUID[]::new))
                .query((rs, n) -> links.computeIfAbsent(rs.getObject("task_id", UUID.class), k -> new ArrayList<>())
                        .add(new RecordRef(RecordType.fromApiName(rs.getString("record_type")),
                                rs.getObject("record_id", UUID.class))))
                .list();
        return tasks.stream().map(t -> t.withLinks(List.copyOf(links.getOrDefault(t.id(), List.of())))).toList();
    }

    /** Runs a select over {@code tasks t} (with the given where/order/limit) and fills in links. */
    List<TaskDetails> select(String where, String orderAndLimit, Map<String, Object> params) {
        return withLinks(jdbc.sql("select " + COLUMNS + " from tasks t where " + where + " " + orderAndLimit)
                .params(params).query(TaskRepository::map).list());
    }

    /** A condition over {@code t} that holds for tasks linked to any of {@code records}; adds its parameters. */
    static String linkedToAny(Collection<RecordRef> records, Map<String, Object> params) {
        Map<RecordType, List<UUID>> byType = new LinkedHashMap<>();
        records.forEach(r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r.id()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<RecordType, List<UUID>> entry : byType.entrySet()) {
            String name = "linked_" + entry.getKey().apiName();
            parts.add("(l.record_type = '" + entry.getKey().apiName() + "' and l.record_id = any(:" + name + "))");
            params.put(name, entry.getValue().toArray(UUID[]::new));
        }
        return parts.isEmpty() ? "false"
                : "exists (select 1 from task_links l where l.task_id = t.id and (" + String.join(" or ", parts) + "))";
    }

    private static Map<String, Object> fields(TaskRules.Normalized t, Instant dueAt, UUID assigneeId,
            Instant reminderAt) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", t.title());
        fields.put("description", t.description());
        fields.put("dueAt", dueAt == null ? null : Timestamp.from(dueAt));
        fields.put("priority", t.priority().key());
        fields.put("status", t.status().key());
        fields.put("assigneeId", assigneeId);
        fields.put("reminderAt", reminderAt == null ? null : Timestamp.from(reminderAt));
        return fields;
    }

    static TaskDetails map(ResultSet rs, int row) throws SQLException {
        return new TaskDetails(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                Rows.instant(rs, "due_at"), TaskPriority.parse(rs.getString("priority")).orElseThrow(),
                TaskStatus.parse(rs.getString("status")).orElseThrow(), rs.getObject("assignee_id", UUID.class),
                Rows.instant(rs, "reminder_at"), Rows.instant(rs, "completed_at"), List.of(), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"), rs.getObject("created_by", UUID.class),
                rs.getObject("updated_by", UUID.class), rs.getLong("version"));
    }
}
