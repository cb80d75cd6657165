package io.kervan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationStartsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsUpWithTheDatabase() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("UP");
    }

    @Test
    void searchExtensionsAreEnabled() {
        assertThat(jdbc.sql("select extname from pg_extension").query(String.class).list())
                .contains("pg_trgm", "unaccent");
    }

    @Test
    void runsOnPostgresql17() {
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17.");
    }

    @Test
    void theFirstAdminIsCreatedFromTheEnvironment() {
        assertThat(jdbc.sql("select role from users where email = 'admin@kervan.test'").query(String.class).single())
                .isEqualTo("ADMIN");
    }
}
