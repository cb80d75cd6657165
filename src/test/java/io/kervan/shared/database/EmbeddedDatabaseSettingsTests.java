package io.kervan.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database of an installation is durable, whatever zonky's test-minded defaults are. */
class EmbeddedDatabaseSettingsTests {

    @TempDir
    Path dataDir;

    @Test
    void anInstallationsDatabaseSyncsItsWritesUnlessTheInstallationSaysOtherwise() {
        Map<String, String> defaults = EmbeddedDatabaseConfiguration.serverSettings(
                new EmbeddedDatabaseProperties(dataDir, 0, true, null));
        assertThat(defaults).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");

        Map<String, String> overridden = EmbeddedDatabaseConfiguration.serverSettings(
                new EmbeddedDatabaseProperties(dataDir, 0, true, Map.of("synchronous_commit", "off",
                        "shared_buffers", "256MB")));
        assertThat(overridden).containsEntry("fsync", "on").containsEntry("synchronous_commit", "off")
                .containsEntry("shared_buffers", "256MB");
    }

    @Test
    void theBuffersTakeAQuarterOfTheMachinesMemoryBetween128MbAnd1Gb() {
        long gigabyte = 1024L * 1024 * 1024;
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffers(0)).isEqualTo("128MB");
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffers(gigabyte)).isEqualTo("256MB");
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffers(2 * gigabyte)).isEqualTo("512MB");
        assertThat(EmbeddedDatabaseConfiguration.sharedBuffers(24 * gigabyte)).isEqualTo("1024MB");
        assertThat(EmbeddedDatabaseConfiguration.serverSettings(new EmbeddedDatabaseProperties(dataDir, 0, true, null)))
                .containsKey("shared_buffers");
    }

    /** zonky starts PostgreSQL with {@code -F} (fsync off); the settings given after it must win. */
    @Test
    void theServerRunsWithTheDurableSettings() throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(true).setRegisterShutdownHook(false);
        EmbeddedDatabaseConfiguration.serverSettings(new EmbeddedDatabaseProperties(dataDir, 0, true, null))
                .forEach(builder::setServerConfig);
        try (EmbeddedPostgres postgres = builder.start();
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(show(statement, "fsync")).isEqualTo("on");
            assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
