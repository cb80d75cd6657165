package io.kervan.shared.database;

/**
 * Session settings every connection gets (also for an external database, through
 * {@code spring.datasource.hikari.connection-init-sql}). The trigram word-similarity threshold is
 * lowered from 0.6 to 0.5 so that a single typo in a word of seven letters still matches
 * ({@code sekreci} → {@code şekerci}); the {@code <%} operator uses it and stays index-assisted.
 */
public final class DatabaseSessionSettings {

    public static final String INIT_SQL = "set pg_trgm.word_similarity_threshold = 0.5";

    private DatabaseSessionSettings() {
    }
}
