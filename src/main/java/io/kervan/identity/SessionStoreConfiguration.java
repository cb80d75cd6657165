package io.kervan.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Browser sessions live in PostgreSQL (Spring Session JDBC), so that every node serves every user.
 *
 * <p>Two requests of one session that add the same attribute at once (a page and its htmx requests right
 * after sign-in both store the user's language) would both insert the attribute row, and the second would
 * fail with a duplicate key and answer 500. The PostgreSQL customizer writes attributes as upserts instead.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** How stale a session's stored last access may get before a request writes it again. */
    static final long ACCESS_WRITE_INTERVAL_MILLIS = 60_000;

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Spring Session stores the last access time at the end of every request, so every page view and every htmx
     * request was a row update and a commit waiting for the disk. The update now only writes when something
     * besides the access time changed (the session id at sign-in, the principal, the timeout) or the stored
     * access time is a minute old. Same parameters, same order as Spring Session's own statement. A session of
     * eight hours then ends up to a minute early, measured from the last stored access.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> writeAccessTimeAtMostOnceAMinute() {
        return repository -> repository.setUpdateSessionQuery("""
                update %%TABLE_NAME%% s
                   set session_id = v.session_id, last_access_time = v.last_access_time,
                       max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                       principal_name = v.principal_name
                  from (select cast(? as char(36)) as session_id, cast(? as bigint) as last_access_time,
                               cast(? as int) as max_inactive_interval, cast(? as bigint) as expiry_time,
                               cast(? as varchar(100)) as principal_name, cast(? as char(36)) as primary_id) v
                 where s.primary_id = v.primary_id
                   and (s.session_id <> v.session_id
                        or s.principal_name is distinct from v.principal_name
                        or s.max_inactive_interval <> v.max_inactive_interval
                        or v.last_access_time - s.last_access_time >= %d)""".formatted(ACCESS_WRITE_INTERVAL_MILLIS));
    }
}
