package io.kervan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SPRING_DATASOURCE_URL set, Kervan uses that PostgreSQL and starts no embedded one. The
 * "external" server here is a PostgreSQL process the test starts itself, with its own user.
 */
@SpringBootTest
@ActiveProfiles("test")
// Close this context when the class is done; the external server stops at JVM exit (zonky's hook), after it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalDatabaseIntegrationTests {

    static final EmbeddedPostgres EXTERNAL = start();

    static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("kervan-external-pg")).setCleanDataDirectory(true)
                    .start();
            try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
                statement.execute("create user kervan_app with password 'app-secret'");
                statement.execute("create database kervan owner kervan_app");
            }
            try (var connection = postgres.getDatabase("postgres", "kervan").getConnection();
                 var statement = connection.createStatement()) {
                // Extensions are created by a superuser once, as an operator would; Kervan's migration then finds them.
                statement.execute("create extension pg_trgm");
                statement.execute("create extension unaccent");
            }
            return postgres;
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + EXTERNAL.getPort() + "/kervan");
        registry.add("spring.datasource.username", () -> "kervan_app");
        registry.add("spring.datasource.password", () -> "app-secret");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void startsNoEmbeddedDatabase() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
    }

    @Test
    void migratesTheConfiguredDatabaseAsItsOwnUser() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("kervan_app");
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("kervan");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select to_regclass('public.companies') is not null").query(Boolean.class).single()).isTrue();
    }
}
