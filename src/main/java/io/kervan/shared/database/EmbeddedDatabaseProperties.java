package io.kervan.shared.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files ({@code KERVAN_DATA_DIR}, default {@code ./data}).
 *
 * @param dataDir the data directory; the database lives in {@code <dataDir>/pg}
 * @param port a fixed port, or 0 to take a free one
 * @param cleanOnStart wipe the database on start (tests only)
 * @param embeddedDbSettings extra PostgreSQL server settings ({@code kervan.embedded-db-settings.shared_buffers=256MB});
 *        the benchmarks use it to load {@code pg_stat_statements}
 */
@ConfigurationProperties("kervan")
public record EmbeddedDatabaseProperties(Path dataDir, Integer embeddedDbPort, boolean embeddedDbCleanOnStart,
        Map<String, String> embeddedDbSettings) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (embeddedDbPort == null) {
            embeddedDbPort = 0;
        }
        embeddedDbSettings = embeddedDbSettings == null ? Map.of() : Map.copyOf(embeddedDbSettings);
    }
}
