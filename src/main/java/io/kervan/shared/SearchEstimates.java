package io.kervan.shared;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows of a table a search will match, estimated the way PostgreSQL's planner does it: the search is
 * tried on the sample of {@code search_text} values that {@code analyze} keeps ({@code pg_stats}: the most
 * common values with their frequencies, and a histogram of up to 1,000 others, V0069), and the matching share
 * is scaled to the table's estimated row count. For a user who sees only some owners' records, the share of
 * rows those owners hold comes from the {@code owner_id} and {@code visible_to_team} statistics. The samples
 * are read once a minute per table; trying a search on them takes microseconds.
 */
final class SearchEstimates {

    private static final long TTL_NANOS = 60_000_000_000L;

    /**
     * What {@code analyze} last saw of one table's {@code search_text} and owners: {@code ownerShares} holds the
     * share of rows of each common owner, {@code sharedShare} the share of rows marked visible to the team.
     */
    record Sample(long rows, List<String> common, double[] commonShares, List<String> others,
            Map<UUID, Double> ownerShares, double sharedShare, long readAt) {

        Sample(long rows, List<String> common, double[] commonShares, List<String> others, long readAt) {
            this(rows, common, commonShares, others, Map.of(), 1, readAt);
        }

        /**
         * The share of rows a user sees who sees {@code owners}' rows, and {@code teamOwners}' rows marked visible
         * to the team; all of them when {@code owners} is {@code null} or the owners are not known. An owner
         * missing from the common ones holds at most as much as the least common of those.
         */
        double visibleShare(Collection<UUID> owners, Collection<UUID> teamOwners) {
            if (owners == null || ownerShares.isEmpty()) {
                return 1;
            }
            double least = ownerShares.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double share = 0;
            for (UUID owner : owners) {
                share += ownerShares.getOrDefault(owner, least);
            }
            for (UUID owner : teamOwners) {
                if (!owners.contains(owner)) {
                    share += sharedShare * ownerShares.getOrDefault(owner, least);
                }
            }
            return Math.min(1, share);
        }

        /** Matching rows, or -1 when there is no sample (a table not analysed yet). */
        long matches(SearchQuery search) {
            if (others.isEmpty() && common.isEmpty()) {
                return -1;
            }
            double commonTotal = 0;
            double commonMatching = 0;
            for (int i = 0; i < common.size(); i++) {
                commonTotal += commonShares[i];
                if (search.matches(common.get(i))) {
                    commonMatching += commonShares[i];
                }
            }
            // A search that no histogram entry contains still matches something up to one entry's share.
            double hits = others.stream().filter(search::matches).count();
            double othersShare = others.isEmpty() ? 0 : Math.max(hits, 0.5) / others.size();
            return Math.round(rows * (commonMatching + (1 - commonTotal) * othersShare));
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
     * The estimated number of rows of {@code table} that {@code search} matches among those a user sees (see
     * {@link Sample#visibleShare}); -1 when unknown.
     */
    static long visibleMatches(JdbcClient jdbc, String table, SearchQuery search, Collection<UUID> owners,
            Collection<UUID> teamOwners) {
        Sample sample = sample(jdbc, table);
        long matches = sample.matches(search);
        return matches < 0 ? matches : Math.round(matches * sample.visibleShare(owners, teamOwners));
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
        Map<UUID, Double> owners = new HashMap<>();
        // booleans come out of pg_stats as 't' and 'f'
        double[] shared = {-1, -1};
        jdbc.sql("""
                select s.attname, s.most_common_vals::text::text[] as common, s.most_common_freqs as shares
                from pg_class t
                join pg_namespace n on n.oid = t.relnamespace
                join pg_stats s on s.schemaname = n.nspname and s.tablename = t.relname
                     and s.attname in ('owner_id', 'visible_to_team')
                where t.oid = to_regclass(:table)""")
                .param("table", table).query(rs -> {
                    List<String> values = strings(rs.getArray("common"));
                    Float[] shares = floats(rs.getArray("shares"));
                    for (int i = 0; i < values.size(); i++) {
                        if (rs.getString("attname").equals("owner_id")) {
                            owners.put(UUID.fromString(values.get(i)), (double) shares[i]);
                        } else {
                            shared[values.get(i).equals("t") ? 0 : 1] = shares[i];
                        }
                    }
                });
        Sample withOwners = new Sample(sample.rows(), sample.common(), sample.commonShares(), sample.others(),
                Map.copyOf(owners), shared[0] >= 0 ? shared[0] : shared[1] >= 0 ? 1 - shared[1] : 1, now);
        SAMPLES.put(table, withOwners);
        return withOwners;
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
