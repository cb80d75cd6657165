package io.kervan.shared.database;

/**
 * Session settings every connection gets (also for an external database, through
 * {@code spring.datasource.hikari.connection-init-sql}). The trigram word-similarity threshold is
 * lowered from 0.6 to 0.45 so that one wrong, missing or extra letter in a word of five or more letters
 * still matches ({@code ahmat} → {@code ahmet}, {@code sekrci} → {@code şekerci}); two swapped letters in
 * the middle of a word score lower (0.375 for {@code sekreci}) and are not tolerated, on purpose: going
 * lower floods results with noise. The {@code <%} operator reads it and stays index-assisted.
 */
public final class DatabaseSessionSettings {

    public static final String INIT_SQL = "set pg_trgm.word_similarity_threshold = 0.45";

    private DatabaseSessionSettings() {
    }
}
