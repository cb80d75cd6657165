package io.kervan.shared;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows of a table a search will match, estimated the way PostgreSQL's planner does it: the search is
 * tried on the sample of {@code search_text} values that {@code analyze} keeps ({@code pg_stats}: the most
 * common values with their frequencies, and a histogram of up to 1,000 others, V0069), and the matching share
 * is scaled to the table's estimated row count. The sample is read once a minute per table; trying a search on
 * it takes microseconds.
 */
final class SearchEstimates {

    private static final long TTL_NANOS = 60_000_000_000L;

    /** What {@code analyze} last saw of one table's {@code search_text}. */
    record Sample(long rows, List<String> common, double[] commonShares, List<String> others, long readAt) {

        /** Matching rows, or -1 when there is no sample (a table not analysed yet). */
        long matches(SearchQuery search) {
            if (others.isEmpty() && common.isEmpty()) {
                return -1;
            }
            int hits = 0;
            for (String value : others) {
                hits += search.matches(value) ? 1 : 0;
            }
            return matches(search, hits);
        }

        /** Matching rows, given how many of the histogram's values the search matches. */
        private long matches(SearchQuery search, int hits) {
            double commonTotal = 0;
            double commonMatching = 0;
            for (int i = 0; i < common.size(); i++) {
                commonTotal += commonShares[i];
                if (search.matches(common.get(i))) {
                    commonMatching += commonShares[i];
                }
            }
            // A search that no histogram entry contains still matches something up to one entry's share.
            double othersShare = others.isEmpty() ? 0 : Math.max(hits, 0.5) / others.size();
            return Math.round(rows * (commonMatching + (1 - commonTotal) * othersShare));
        }

        /**
         * Where the {@code k}-th match lies in the order of {@code search_text} itself (from its end when
         * {@code descending}); {@code null} when there is no sample. The histogram's values are in that order and
         * about equally many rows apart, so the sampled value at which the matches they stand for add up to
         * {@code k} places it, give or take the stretch each sampled match stands for. A search that no sampled
         * value contains is placed at the end: its matches, if any, are too few to say where they are. Tries the
         * search once on each value (this runs for every first page of a list search).
         */
        Placement place(SearchQuery search, long k, boolean descending) {
            int n = others.size();
            if (n < 2) {
                return null;
            }
            int[] hitAt = new int[n];
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (search.matches(others.get(i))) {
                    hitAt[hits++] = i;
                }
            }
            long matches = matches(search, hits);
            if (hits == 0) {
                return new Placement(rows, 0, rows, matches);
            }
            long evenWalk = Math.min(rows, Math.round((double) k * rows / Math.max(matches, 1)));
            long spread = rows / hits;
            // how many sampled matches, counted from where the walk starts, stand for k matches
            double needed = Math.ceil(k * (double) hits / Math.max(matches, 1));
            if (needed > hits) {
                return new Placement(rows, spread, evenWalk, matches);
            }
            int seen = (int) needed;
            int step = descending ? n - 1 - hitAt[hits - seen] : hitAt[seen - 1];
            return new Placement(Math.round((double) rows * step / (n - 1)), spread, evenWalk, matches);
        }
    }

    private static final Map<String, Sample> SAMPLES = new ConcurrentHashMap<>();

    private SearchEstimates() {
    }

    /** The estimated number of rows of {@code table} that {@code search} matches; -1 when unknown. */
    static long matches(JdbcClient jdbc, String table, SearchQuery search) {
        return sample(jdbc, table).matches(search);
    }

    /**
     * Where a search's {@code k}-th match lies in the order of a table's {@code search_text}: after about
     * {@code rowsBefore} rows, but perhaps up to {@code spread} rows earlier (a sample of a thousand values sees
     * where matches are, not where the first of them is); {@code evenWalk} rows in if the estimated
     * {@code matches} were spread evenly along the order.
     */
    record Placement(long rowsBefore, long spread, long evenWalk, long matches) {
    }

    /**
     * Where the {@code k}-th row of {@code table} that {@code search} matches lies in the order of its
     * {@code search_text} (from the end when {@code descending}); {@code null} when unknown.
     */
    static Placement place(JdbcClient jdbc, String table, SearchQuery search, long k, boolean descending) {
        return sample(jdbc, table).place(search, k, descending);
    }

    /** Drops what is known of {@code table}, so the next estimate reads its statistics again (tests). */
    static void forget(String table) {
        SAMPLES.remove(table);
    }

    static Sample sample(JdbcClient jdbc, String table) {
        long now = System.nanoTime();
        Sample known = SAMPLES.get(table);
        if (known != null && now - known.readAt() < TTL_NANOS) {
            return known;
        }
        Sample sample = jdbc.sql("""
                select greatest(t.reltuples, 0)::bigint as rows,
                       s.most_common_vals::text::text[] as common, s.most_common_freqs as shares,
                       s.histogram_bounds::text::text[] as others
                from pg_class t
                join pg_namespace n on n.oid = t.relnamespace
                left join pg_stats s on s.schemaname = n.nspname and s.tablename = t.relname
                     and s.attname = 'search_text'
                where t.oid = to_regclass(:table)""")
                .param("table", table).query((rs, n) -> read(rs, now)).optional()
                .orElse(new Sample(0, List.of(), new double[0], List.of(), now));
        SAMPLES.put(table, sample);
        return sample;
    }

    private static Sample read(ResultSet rs, long now) throws SQLException {
        Float[] shares = floats(rs.getArray("shares"));
        double[] commonShares = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            commonShares[i] = shares[i];
        }
        return new Sample(rs.getLong("rows"), strings(rs.getArray("common")), commonShares,
                strings(rs.getArray("others")), now);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Float[] floats(Array array) throws SQLException {
        return array == null ? new Float[0] : (Float[]) array.getArray();
    }
}
