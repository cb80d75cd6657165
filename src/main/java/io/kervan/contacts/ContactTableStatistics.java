package io.kervan.contacts;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the query planner's picture of the contact tables current while a bulk import fills them.
 *
 * <p>Autovacuum analyses a table only after it has grown by a tenth and at most once a minute, so an import
 * into an empty installation runs its first minute against tables the planner believes to be nearly empty.
 * The batch key lookup ({@link ContactImports#findAllForImport}) is then planned as a sequential scan of
 * {@code contact_emails} — measured at 250 ms per 500-row batch with 10,000 contacts, and growing with the
 * table. Analysing the key columns each time the written rows reach a fifth of the table (so about a dozen
 * times for a million rows, each a sample of a few thousand pages) keeps the lookups on their indexes.
 */
@Component
class ContactTableStatistics {

    /** Below this many written rows the tables are small enough for any plan. */
    static final long MIN_ROWS_BETWEEN = 2_000;

    private final JdbcClient jdbc;
    private final AtomicLong writtenSinceAnalyze = new AtomicLong();
    private volatile long rowsAtLastAnalyze;

    ContactTableStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts {@code rows} newly written contacts, analysing the tables when they have grown enough. */
    void written(int rows) {
        long written = writtenSinceAnalyze.addAndGet(rows);
        if (written >= Math.max(MIN_ROWS_BETWEEN, rowsAtLastAnalyze / 5)) {
            writtenSinceAnalyze.set(0);
            analyse();
        }
    }

    private void analyse() {
        // Only the columns the import's lookups and joins filter on: the table's row and page counts are
        // refreshed either way, and the sample stays small (the search text's statistics are large, V0069).
        jdbc.sql("analyze contacts (id, external_id), contact_emails (email, contact_id), "
                + "contact_phones (phone, contact_id)").update();
        rowsAtLastAnalyze = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'contacts'::regclass")
                .query(Long.class).single();
    }
}
