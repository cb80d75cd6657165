package io.kervan.audit;

import io.kervan.identity.UserService;
import io.kervan.shared.Ids;
import io.kervan.shared.LiteralLimit;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.Rows;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import io.kervan.shared.records.TimelineEntry;
import io.kervan.shared.records.TimelineQuery;
import io.kervan.shared.records.TimelineSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The main events of a record's life on its timeline: created, owner changed, converted (a lead),
 * won and lost (a deal). Other edits stay in the change history.
 */
@Component
class AuditTimelineSource implements TimelineSource {

    static final String KIND = "event";

    private static final TypeReference<List<RecordChanged.FieldChange>> CHANGES = new TypeReference<>() {
    };

    /**
     * Served by {@code audit_events_main_idx} (V0092), whose predicate is this condition without the alias: a condition
     * that admits an event the index leaves out makes the planner test every event of the record again
     * ({@code AuditTimelineIndexIntegrationTests}).
     */
    static final String MAIN_EVENTS = """
            (e.action = 'CREATED' or e.changes @> '[{"field": "ownerId"}]' or e.changes @> '[{"field": "convertedAt"}]'
             or e.changes @> '[{"field": "status", "newValue": "won"}]'
             or e.changes @> '[{"field": "status", "newValue": "lost"}]')""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final UserService users;

    AuditTimelineSource(JdbcClient jdbc, ObjectMapper json, UserService users) {
        this.jdbc = jdbc;
        this.json = json;
        this.users = users;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(TimelineQuery query) {
        if (query.records().isEmpty()) {
            return List.of();
        }
        record Row(UUID id, RecordRef about, String action, UUID actorId, Instant at, List<RecordChanged.FieldChange> changes) {
        }
        Map<String, Object> params = new HashMap<>(query.cursorParameters());
        params.put("types", query.records().stream().map(r -> r.type().apiName()).toArray(String[]::new));
        params.put("ids", query.records().stream().map(RecordRef::id).toArray(UUID[]::new));
        List<Row> rows = jdbc.sql("""
                select e.id, e.record_type, e.record_id, e.action, e.actor_id, e.occurred_at, e.changes::text
                  from audit_events e
                  join unnest(cast(:types as varchar[]), cast(:ids as uuid[])) as r(t, i)
                    on e.record_type = r.t and e.record_id = r.i
                 where %s and %s
                 order by e.occurred_at desc, e.id desc %s"""
                        .formatted(MAIN_EVENTS, query.olderThanCursorSql(KIND, "e.occurred_at", "e.id"),
                                LiteralLimit.of(query.limit())))
                .params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class),
                        new RecordRef(RecordType.fromApiName(rs.getString(2)), rs.getObject(3, UUID.class)),
                        rs.getString(4), rs.getObject(5, UUID.class), Rows.instant(rs, 6),
                        json.readValue(rs.getString(7), CHANGES)))
                .list();
        Set<UUID> owners = new HashSet<>();
        rows.forEach(r -> r.changes().stream().filter(c -> c.field().equals("ownerId"))
                .flatMap(c -> java.util.stream.Stream.of(c.oldValue(), c.newValue())).map(Ids::parseOrNull)
                .filter(Objects::nonNull).forEach(owners::add));
        Map<UUID, String> names = users.displayNames(owners);
        return rows.stream().map(r -> {
            String type = type(r.action(), r.changes());
            Map<String, Object> details = new LinkedHashMap<>();
            if (type.equals("ownerChanged")) {
                r.changes().stream().filter(c -> c.field().equals("ownerId")).findFirst().ifPresent(c -> {
                    details.put("from", name(c.oldValue(), names));
                    details.put("to", name(c.newValue(), names));
                });
            }
            return new TimelineEntry(KIND, r.id().toString(), r.at(), r.actorId(), type, null, null, details,
                    r.about());
        }).toList();
    }

    /** The most telling of an event's main changes. */
    static String type(String action, List<RecordChanged.FieldChange> changes) {
        if (action.equals("CREATED")) {
            return "created";
        }
        for (RecordChanged.FieldChange change : changes) {
            if (change.field().equals("status") && ("won".equals(change.newValue()) || "lost".equals(change.newValue()))) {
                return change.newValue();
            }
        }
        if (changes.stream().anyMatch(c -> c.field().equals("convertedAt") && c.newValue() != null)) {
            return "converted";
        }
        return "ownerChanged";
    }

    private static String name(String id, Map<UUID, String> names) {
        UUID user = Ids.parseOrNull(id);
        return user == null ? id : names.getOrDefault(user, id);
    }
}
