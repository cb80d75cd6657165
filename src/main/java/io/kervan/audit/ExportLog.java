package io.kervan.audit;

import io.kervan.identity.UserService;
import io.kervan.shared.Keyset;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.Rows;
import io.kervan.shared.Slice;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The log of list exports, newest first, for admins: data leaving the CRM is a KVKK question ("who
 * took our customer list, and when?"), so every export stays visible.
 */
@Service
public class ExportLog {

    private static final TypeReference<List<RecordChanged.FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final UserService users;

    ExportLog(JdbcClient jdbc, ObjectMapper json, UserService users) {
        this.jdbc = jdbc;
        this.json = json;
        this.users = users;
    }

    /** One page of exports older than {@code cursor} (null for the newest page). */
    @Transactional(readOnly = true)
    public Slice<ExportLogEntry> page(String cursor, int limit) {
        record Row(UUID id, Instant at, UUID actorId, String changes) {
        }
        Keyset.Cursor after = Keyset.Cursor.decode(cursor);
        Map<String, Object> params = new HashMap<>();
        params.put("type", ExportRecorder.RECORD_TYPE);
        params.put("limit", limit + 1);
        String where = "record_type = :type";
        if (after != null) {
            where += " and (occurred_at, id) < (:at, :id)";
            params.put("at", Timestamp.from(parseInstant(after.value())));
            params.put("id", after.id());
        }
        List<Row> rows = jdbc.sql("select id, occurred_at, actor_id, changes::text from audit_events where " + where
                        + " order by occurred_at desc, id desc limit :limit")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), Rows.instant(rs, 2),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .list();
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, String> names = users.displayNames(
                page.stream().map(Row::actorId).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<ExportLogEntry> entries = page.stream().map(row -> {
            Map<String, String> fields = json.readValue(row.changes(), CHANGES).stream()
                    .filter(change -> change.newValue() != null)
                    .collect(Collectors.toMap(RecordChanged.FieldChange::field, RecordChanged.FieldChange::newValue,
                            (a, b) -> b));
            return new ExportLogEntry(row.id(), row.at(), row.actorId(), names.get(row.actorId()),
                    fields.get("recordType"), fields.get("format"), parseRows(fields.get("rows")),
                    fields.getOrDefault("filters", ""));
        }).toList();
        String next = more ? new Keyset.Cursor(page.get(limit - 1).at().toString(), page.get(limit - 1).id()).encode()
                : null;
        return new Slice<>(entries, next);
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (RuntimeException unreadable) {
                throw new io.kervan.shared.InvalidInputException("cursor", "validation.cursor");
            }
        }
    }

    private static long parseRows(String rows) {
        try {
            return rows == null ? 0 : Long.parseLong(rows);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
