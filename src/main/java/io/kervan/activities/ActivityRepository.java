package io.kervan.activities;

import io.kervan.shared.LiteralLimit;
import io.kervan.shared.Rows;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import io.kervan.shared.records.TimelineQuery;
import java.sql.Array;
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

/** Storage of activities with their record links, optimistic locking on {@code version}. */
@Repository
class ActivityRepository {

    /** Activities linked to any of the records in the parallel arrays :refTypes / :refIds. */
    private static final String LINKED_TO_ANY = """
            exists (select 1 from activity_links l
                     join unnest(cast(:refTypes as varchar[]), cast(:refIds as uuid[])) as r(t, i)
                       on l.record_type = r.t and l.record_id = r.i
                    where l.activity_id = a.id)""";

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Activity> findById(UUID id) {
        return jdbc.sql("select * from activities a where id = :id").param("id", id).query(this::map).optional()
                .map(a -> withLinks(List.of(a)).get(0));
    }

    void insert(UUID id, ActivityDraft d, UUID ownerId, UUID actor, Instant now) {
        jdbc.sql("""
                insert into activities (id, type, subject, body, occurred_at, direction, outcome, duration_seconds,
                    start_at, end_at, location, attendee_ids, owner_id, created_at, updated_at, created_by,
                    updated_by, version)
                values (:id, :type, :subject, :body, :occurredAt, :direction, :outcome, :duration, :startAt, :endAt,
                    :location, :attendees, :ownerId, :now, :now, :actor, :actor, 0)""")
                .params(fields(d)).param("id", id).param("ownerId", ownerId).param("actor", actor)
                .param("now", Timestamp.from(now)).update();
        replaceLinks(id, d.links());
    }

    boolean update(UUID id, ActivityDraft d, UUID actor, long expectedVersion, Instant now) {
        boolean updated = jdbc.sql("""
                update activities set type = :type, subject = :subject, body = :body, occurred_at = :occurredAt,
                    direction = :direction, outcome = :outcome, duration_seconds = :duration, start_at = :startAt,
                    end_at = :endAt, location = :location, attendee_ids = :attendees, updated_at = :now,
                    updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .params(fields(d)).param("id", id).param("actor", actor).param("version", expectedVersion)
                .param("now", Timestamp.from(now)).update() == 1;
        if (updated) {
            replaceLinks(id, d.links());
        }
        return updated;
    }

    boolean delete(UUID id, long expectedVersion) {
        return jdbc.sql("delete from activities where id = :id and version = :version").param("id", id)
                .param("version", expectedVersion).update() == 1;
    }

    /**
     * A page of activities, newest first: linked to any of {@code records} (or, when that is empty,
     * logged by or attended by {@code userId}), of {@code type} (null: all), occurred in [from, to).
     */
    List<Activity> page(Collection<RecordRef> records, UUID userId, ActivityType type, Instant from, Instant to,
            Instant cursorAt, UUID cursorId, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (records.isEmpty()) {
            conditions.add("(a.owner_id = :userId or :userId = any(a.attendee_ids))");
            params.put("userId", userId);
        } else {
            conditions.add(LINKED_TO_ANY);
            params.putAll(refParams(records));
        }
        if (type != null) {
            conditions.add("a.type = :type");
            params.put("type", type.key());
        }
        if (from != null) {
            conditions.add("a.occurred_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("a.occurred_at < :to");
            params.put("to", Timestamp.from(to));
        }
        if (cursorAt != null) {
            conditions.add("(a.occurred_at, a.id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", Timestamp.from(cursorAt));
            params.put("cursorId", cursorId);
        }
        List<Activity> rows = jdbc.sql("select a.* from activities a where " + String.join(" and ", conditions)
                        + " order by a.occurred_at desc, a.id desc " + LiteralLimit.of(limit))
                .params(params).query(this::map).list();
        return withLinks(rows);
    }

    /** A timeline page of activities about the query's records, optionally of one type. */
    List<Activity> timeline(TimelineQuery query, ActivityType type) {
        Map<String, Object> params = new HashMap<>(refParams(query.records()));
        params.putAll(query.cursorParameters());
        String typeCondition = type == null ? "" : " and a.type = :type";
        if (type != null) {
            params.put("type", type.key());
        }
        List<Activity> rows = jdbc.sql("select a.* from activities a where " + LINKED_TO_ANY + " and "
                        + query.olderThanCursorSql(ActivityTimelineSource.KIND, "a.occurred_at", "a.id") + typeCondition
                        + " order by a.occurred_at desc, a.id desc " + LiteralLimit.of(query.limit()))
                .params(params).query(this::map).list();
        return withLinks(rows);
    }

    /** Whether a meeting linked to the record starts after {@code now}. */
    boolean hasMeetingAfter(RecordRef record, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from activities a join activity_links l on l.activity_id = a.id
                                where l.record_type = :type and l.record_id = :id and a.type = 'meeting'
                                  and a.start_at > :now)""")
                .param("type", record.type().apiName()).param("id", record.id()).param("now", Timestamp.from(now))
                .query(Boolean.class).single();
    }

    /** Meetings logged by or attended by the user that start in [from, to). */
    List<Activity> meetingsOf(UUID userId, Instant from, Instant to) {
        return withLinks(jdbc.sql("""
                select a.* from activities a
                 where a.type = 'meeting' and (a.owner_id = :userId or :userId = any(a.attendee_ids))
                   and a.start_at >= :from and a.start_at < :to
                 order by a.start_at, a.id""")
                .param("userId", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::map).list());
    }

    /** The direction and outcome of the user's last logged call, for the next call form to start from. */
    Optional<Activity> lastCallOf(UUID userId) {
        return jdbc.sql("""
                select a.* from activities a where a.owner_id = :userId and a.type = 'call'
                 order by a.created_at desc limit 1""")
                .param("userId", userId).query(this::map).optional();
    }

    private void replaceLinks(UUID activityId, List<RecordRef> links) {
        jdbc.sql("delete from activity_links where activity_id = :id").param("id", activityId).update();
        for (int i = 0; i < links.size(); i++) {
            jdbc.sql("""
                    insert into activity_links (activity_id, record_type, record_id, position)
                    values (:id, :type, :recordId, :position)""")
                    .param("id", activityId).param("type", links.get(i).type().apiName())
                    .param("recordId", links.get(i).id()).param("position", i).update();
        }
    }

    private List<Activity> withLinks(List<Activity> activities) {
        if (activities.isEmpty()) {
            return activities;
        }
        Map<UUID, List<RecordRef>> links = new LinkedHashMap<>();
        jdbc.sql("""
                select activity_id, record_type, record_id from activity_links
                 where activity_id = any(:ids) order by activity_id, position""")
                .param("ids", activities.stream().map(Activity::id).toArray(UUID[]::new))
                .query((rs, n) -> {
                    links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RecordRef(RecordType.fromApiName(rs.getString(2)), rs.getObject(3, UUID.class)));
                    return null;
                }).list();
        return activities.stream().map(a -> new Activity(a.id(), a.type(), a.subject(), a.body(), a.occurredAt(),
                a.direction(), a.outcome(), a.durationSeconds(), a.startAt(), a.endAt(), a.location(),
                a.attendeeIds(), List.copyOf(links.getOrDefault(a.id(), List.of())), a.ownerId(), a.createdAt(),
                a.updatedAt(), a.createdBy(), a.updatedBy(), a.version())).toList();
    }

    private static Map<String, Object> refParams(Collection<RecordRef> records) {
        return Map.of("refTypes", records.stream().map(r -> r.type().apiName()).toArray(String[]::new),
                "refIds", records.stream().map(RecordRef::id).toArray(UUID[]::new));
    }

    private static Map<String, Object> fields(ActivityDraft d) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", d.type());
        fields.put("subject", d.subject());
        fields.put("body", d.body());
        fields.put("occurredAt", timestamp(d.occurredAt()));
        fields.put("direction", d.direction());
        fields.put("outcome", d.outcome());
        fields.put("duration", d.durationSeconds());
        fields.put("startAt", timestamp(d.startAt()));
        fields.put("endAt", timestamp(d.endAt()));
        fields.put("location", d.location());
        fields.put("attendees", d.attendeeIds().toArray(UUID[]::new));
        return fields;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private Activity map(ResultSet rs, int row) throws SQLException {
        Array attendees = rs.getArray("attendee_ids");
        List<UUID> attendeeIds = attendees == null ? List.of() : List.of((UUID[]) attendees.getArray());
        return new Activity(rs.getObject("id", UUID.class), ActivityType.parse(rs.getString("type")).orElseThrow(),
                rs.getString("subject"), rs.getString("body"), Rows.instant(rs, "occurred_at"), rs.getString("direction"),
                rs.getString("outcome"), (Integer) rs.getObject("duration_seconds"), Rows.instant(rs, "start_at"),
                Rows.instant(rs, "end_at"), rs.getString("location"), attendeeIds, List.of(),
                rs.getObject("owner_id", UUID.class), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                rs.getObject("created_by", UUID.class), rs.getObject("updated_by", UUID.class), rs.getLong("version"));
    }
}
