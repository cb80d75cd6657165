package io.kervan.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
