package io.kervan.audit;

import io.kervan.identity.UserService;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.Rows;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a record's change history. Callers check that the user may see the record before asking:
 * the audit module knows changes, not ownership.
 */
@Service
public class AuditService {

    private static final TypeReference<List<RecordChanged.FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final UserService users;

    AuditService(JdbcClient jdbc, ObjectMapper json, UserService users) {
        this.jdbc = jdbc;
        this.json = json;
        this.users = users;
    }

    /** The newest {@code limit} changes of one record, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String recordType, UUID recordId, int limit) {
        record Row(UUID id, String action, UUID actorId, java.time.Instant at, String changes, String origin) {
        }
        List<Row> rows = jdbc.sql("""
                select id, action, actor_id, occurred_at, changes::text, origin from audit_events
                 where record_type = :type and record_id = :id
                 order by occurred_at desc, id desc limit :limit""")
                .param("type", recordType).param("id", recordId).param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        Rows.instant(rs, 4), rs.getString(5), rs.getString(6)))
                .list();
        Map<UUID, List<RecordChanged.FieldChange>> changes = new java.util.HashMap<>();
        rows.forEach(r -> changes.put(r.id(), json.readValue(r.changes(), CHANGES)));
        java.util.Set<UUID> people = new java.util.HashSet<>();
        rows.stream().map(Row::actorId).filter(Objects::nonNull).forEach(people::add);
        changes.values().stream().flatMap(List::stream).filter(AuditService::namesAUser)
                .flatMap(c -> java.util.stream.Stream.of(c.oldValue(), c.newValue()))
                .map(io.kervan.shared.Ids::parseOrNull).filter(Objects::nonNull).forEach(people::add);
        Map<UUID, String> names = users.displayNames(people);
        return rows.stream().map(r -> new AuditEntry(r.id(), recordType, recordId,
                RecordChanged.Action.valueOf(r.action()), r.actorId(), names.get(r.actorId()), r.at(),
                changes.get(r.id()).stream().map(c -> withUserNames(c, names)).toList(), r.origin())).toList();
    }

    /** Owner changes are recorded by id, so they stay true if a user is renamed; shown by name. */
    private static boolean namesAUser(RecordChanged.FieldChange change) {
        return change.field().equals("ownerId");
    }

    private static RecordChanged.FieldChange withUserNames(RecordChanged.FieldChange change, Map<UUID, String> names) {
        if (!namesAUser(change)) {
            return change;
        }
        return new RecordChanged.FieldChange(change.field(), nameOf(change.oldValue(), names),
                nameOf(change.newValue(), names));
    }

    private static String nameOf(String id, Map<UUID, String> names) {
        UUID user = io.kervan.shared.Ids.parseOrNull(id);
        return user == null ? id : names.getOrDefault(user, id);
    }
}
