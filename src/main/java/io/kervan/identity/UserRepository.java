package io.kervan.identity;

import io.kervan.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = """
            id, email, password_hash, first_name, last_name, role, team_id, active, locale, failed_logins,
            locked_until, created_at, updated_at, version""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRecord> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", email).query(UserRepository::map).optional();
    }

    Optional<UserRecord> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id).query(UserRepository::map).optional();
    }

    List<UserRecord> findAll() {
        return jdbc.sql("select " + COLUMNS + " from users order by lower(first_name), lower(last_name), id")
                .query(UserRepository::map).list();
    }

    List<UserRecord> findAllById(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from users where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(UserRepository::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    boolean existsByEmail(String email) {
        return jdbc.sql("select exists(select 1 from users where email = :email)")
                .param("email", email).query(Boolean.class).single();
    }

    void insert(UserRecord user) {
        jdbc.sql("""
                insert into users (id, email, password_hash, first_name, last_name, role, team_id, active, locale,
                                   created_at, updated_at, version)
                values (:id, :email, :hash, :firstName, :lastName, :role, :teamId, :active, :locale, :now, :now, 0)""")
                .param("id", user.id()).param("email", user.email()).param("hash", user.passwordHash())
                .param("firstName", user.firstName()).param("lastName", user.lastName())
                .param("role", user.role().name()).param("teamId", user.teamId()).param("active", user.active())
                .param("locale", user.locale()).param("now", Timestamp.from(user.createdAt()))
                .update();
    }

    /** Updates profile fields with optimistic locking; false when the version is stale. */
    boolean update(UserRecord user) {
        return jdbc.sql("""
                update users set email = :email, password_hash = :hash, first_name = :firstName,
                       last_name = :lastName, role = :role, team_id = :teamId, active = :active, locale = :locale,
                       updated_at = now(), version = version + 1
                 where id = :id and version = :version""")
                .param("id", user.id()).param("email", user.email()).param("hash", user.passwordHash())
                .param("firstName", user.firstName()).param("lastName", user.lastName())
                .param("role", user.role().name()).param("teamId", user.teamId()).param("active", user.active())
                .param("locale", user.locale()).param("version", user.version())
                .update() == 1;
    }

    void updateLocale(UUID id, String locale) {
        jdbc.sql("update users set locale = :locale where id = :id").param("id", id).param("locale", locale).update();
    }

    /** Counts a failed sign-in; locks the account once the count reaches the threshold. */
    void recordFailedLogin(UUID id, int lockThreshold, Instant lockUntil) {
        jdbc.sql("""
                update users set failed_logins = failed_logins + 1, last_failed_login_at = now(),
                       locked_until = case when failed_logins + 1 >= :threshold then :lockUntil else locked_until end
                 where id = :id""")
                .param("id", id).param("threshold", lockThreshold).param("lockUntil", Timestamp.from(lockUntil))
                .update();
    }

    void resetFailedLogins(UUID id) {
        jdbc.sql("""
                update users set failed_logins = 0, locked_until = null
                 where id = :id and (failed_logins <> 0 or locked_until is not null)""")
                .param("id", id).update();
    }

    /** After a lock has run out the account starts afresh. */
    void clearExpiredLock(UUID id) {
        jdbc.sql("update users set failed_logins = 0, locked_until = null where id = :id and locked_until < now()")
                .param("id", id).update();
    }

    static UserRecord map(ResultSet rs, int row) throws SQLException {
        return new UserRecord(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("first_name"), rs.getString("last_name"), Role.valueOf(rs.getString("role")),
                rs.getObject("team_id", UUID.class), rs.getBoolean("active"), rs.getString("locale"),
                rs.getInt("failed_logins"), Rows.instant(rs, "locked_until"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
