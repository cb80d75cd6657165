package io.kervan.shared.database;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts PostgreSQL 17 inside the Kervan process when no {@code spring.datasource.url} is set, so
 * that {@code ./mvnw spring-boot:run} needs nothing but a JDK. Data survives restarts under
 * {@code <kervan.data-dir>/pg}. Kept in a configuration class of its own: declaring the
 * DataSource next to beans that Flyway initialises creates a circular reference.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = properties.dataDir().toAbsolutePath().resolve("pg");
        Files.createDirectories(directory);
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.embeddedDbCleanOnStart())
                .setPort(properties.embeddedDbPort())
                // Spring closes this bean after everything that uses the database (event registry,
                // sessions) has stopped; zonky's own JVM hook would stop PostgreSQL before them.
                .setRegisterShutdownHook(false);
        serverSettings(properties).forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return postgres;
    }

    /**
     * The server settings: durable ones first, then the installation's own ({@code kervan.embedded-db-settings.*}).
     * The embedded PostgreSQL is the production database of a one-command installation, but zonky, built for
     * tests, starts it with {@code -F} (no {@code fsync}) and {@code synchronous_commit=off}: a power cut or an
     * operating-system crash could then lose acknowledged writes, or corrupt the database. Settings given with
     * {@code -c} come after {@code -F} on the command line, so these win. The test profile turns both off again,
     * since its databases are thrown away.
     */
    static Map<String, String> serverSettings(EmbeddedDatabaseProperties properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_connections", "200");
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("shared_buffers", sharedBuffers(physicalMemory()));
        settings.putAll(properties.embeddedDbSettings());
        return settings;
    }

    /**
     * PostgreSQL's own default of 128 MB of buffers is sized for a machine shared with much else; Kervan's database
     * holds the indexes a million contacts need (a bulk import writes into all of them at once), and evicting them
     * cost about a fifth of the import's speed (docs/benchmarks.md). A quarter of the machine's memory, the usual
     * advice, between 128 MB and 1 GB, so that a small server keeps room for the application.
     */
    static String sharedBuffers(long physicalMemoryBytes) {
        long megabytes = physicalMemoryBytes / 4 / (1024 * 1024);
        return Math.max(128, Math.min(1024, megabytes)) + "MB";
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0; // unknown: PostgreSQL's default
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("kervan-embedded");
        dataSource.setMaximumPoolSize(20);
        // Batches of inserts go out as multi-row inserts: a bulk import (and the audit rows it causes) writes
        // hundreds of rows per statement. Batch inserts then report "success, no count"; nothing reads those.
        // Keep in sync with spring.datasource.hikari.data-source-properties (used for an external database).
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}
