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

    /**
     * The PostgreSQL driver's option that sends a JDBC batch of inserts as multi-row inserts: bulk imports
     * (and the audit rows they cause) write hundreds of rows per statement instead of one. Batch inserts
     * then report "success, no row count" instead of counts; nothing in Kervan reads those counts.
     */
    public static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    private DatabaseSessionSettings() {
    }
}
