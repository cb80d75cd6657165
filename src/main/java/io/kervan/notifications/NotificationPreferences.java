package io.kervan.notifications;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per user and kind: in the app, by e-mail. Without a stored choice both are on. */
@Repository
class NotificationPreferences {

    /** One kind's choice. */
    record Choice(boolean inApp, boolean email) {
        static final Choice DEFAULT = new Choice(true, true);
    }

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Choice of(UUID userId, NotificationKind kind) {
        return jdbc.sql("select in_app, email from notification_preferences where user_id = :userId and kind = :kind")
                .param("userId", userId).param("kind", kind.key())
                .query((rs, n) -> new Choice(rs.getBoolean("in_app"), rs.getBoolean("email"))).optional()
                .orElse(Choice.DEFAULT);
    }

    /** Every kind, in declaration order, with defaults filled in. */
    Map<NotificationKind, Choice> all(UUID userId) {
        Map<NotificationKind, Choice> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, Choice.DEFAULT);
        }
        jdbc.sql("select kind, in_app, email from notification_preferences where user_id = :userId")
                .param("userId", userId).query((rs, n) -> {
                    choices.put(NotificationKind.fromKey(rs.getString("kind")),
                            new Choice(rs.getBoolean("in_app"), rs.getBoolean("email")));
                    return null;
                }).list();
        return choices;
    }

    void save(UUID userId, NotificationKind kind, Choice choice) {
        jdbc.sql("""
                insert into notification_preferences (user_id, kind, in_app, email) values (:userId, :kind, :inApp, :email)
                on conflict (user_id, kind) do update set in_app = excluded.in_app, email = excluded.email""")
                .param("userId", userId).param("kind", kind.key()).param("inApp", choice.inApp())
                .param("email", choice.email()).update();
    }
}
