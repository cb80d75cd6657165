package io.kervan.notifications;

import io.kervan.shared.Keyset;
import io.kervan.shared.Rows;
import io.kervan.shared.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of notifications and of their e-mail delivery state. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, user_id, kind, title, link, created_at, read_at, email_status";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification unless one with the same dedupe key exists; true when stored. */
    boolean insert(UUID id, NewNotification n, boolean inApp, String emailStatus, Instant now) {
        return jdbc.sql("""
                insert into notifications (id, user_id, kind, title, link, dedupe_key, in_app, created_at, email_status)
                values (:id, :userId, :kind, :title, :link, :dedupeKey, :inApp, :now, :emailStatus)
                on conflict (dedupe_key) do nothing""")
                .param("id", id).param("userId", n.userId()).param("kind", n.kind().key()).param("title", n.title())
                .param("link", n.link()).param("dedupeKey", n.dedupeKey()).param("inApp", inApp)
                .param("now", Timestamp.from(now)).param("emailStatus", emailStatus).update() == 1;
    }

    Optional<NotificationView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications where id = :id").param("id", id)
                .query(NotificationRepository::map).optional();
    }

    /** Reads the notification and locks it, so that two runs of its e-mail job cannot both send. */
    Optional<NotificationView> lockForEmail(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications where id = :id for update").param("id", id)
                .query(NotificationRepository::map).optional();
    }

    void setEmailStatus(UUID id, String status, Instant at) {
        jdbc.sql("update notifications set email_status = :status, emailed_at = :at where id = :id")
                .param("id", id).param("status", status).param("at", at == null ? null : Timestamp.from(at)).update();
    }

    int unreadCount(UUID userId) {
        return jdbc.sql("select count(*) from notifications where user_id = :userId and in_app and read_at is null")
                .param("userId", userId).query(Integer.class).single();
    }

    /** The user's in-app notifications, newest first, keyset-paged on (created_at, id). */
    Slice<NotificationView> list(UUID userId, boolean unreadOnly, Keyset.Cursor cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("userId", userId);
        params.put("limit", limit + 1);
        String where = "user_id = :userId and in_app" + (unreadOnly ? " and read_at is null" : "");
        if (cursor != null) {
            where += " and (created_at, id) < (cast(:keysetValue as timestamptz), :keysetId)";
            params.putAll(Keyset.params(cursor));
        }
        List<NotificationView> rows = jdbc.sql("select " + COLUMNS + " from notifications where " + where
                        + " order by created_at desc, id desc limit :limit")
                .params(params).query(NotificationRepository::map).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        NotificationView last = rows.get(limit - 1);
        return new Slice<>(rows.subList(0, limit),
                new Keyset.Cursor(last.createdAt().toString(), last.id()).encode());
    }

    boolean markRead(UUID userId, UUID id, Instant now) {
        return jdbc.sql("""
                update notifications set read_at = coalesce(read_at, :now) where id = :id and user_id = :userId""")
                .param("id", id).param("userId", userId).param("now", Timestamp.from(now)).update() == 1;
    }

    int markAllRead(UUID userId, Instant now) {
        return jdbc.sql("update notifications set read_at = :now where user_id = :userId and read_at is null")
                .param("userId", userId).param("now", Timestamp.from(now)).update();
    }

    static NotificationView map(ResultSet rs, int row) throws SQLException {
        return new NotificationView(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                NotificationKind.fromKey(rs.getString("kind")), rs.getString("title"), rs.getString("link"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "read_at"), rs.getString("email_status"));
    }
}
