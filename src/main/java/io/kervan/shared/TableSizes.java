package io.kervan.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts of tables as PostgreSQL's statistics estimate them ({@code pg_class.reltuples}, kept by
 * autovacuum's analyse), remembered for a minute: cheap enough to consult on every search, and a size within a
 * factor of two is all {@link KeysetQuery} needs. A table never analysed counts as empty.
 */
final class TableSizes {

    private static final long TTL_NANOS = 60_000_000_000L;

    private record Estimate(long rows, long readAt) {
    }

    private static final Map<String, Estimate> ESTIMATES = new ConcurrentHashMap<>();

    private TableSizes() {
    }

    static long estimate(JdbcClient jdbc, String table) {
        long now = System.nanoTime();
        Estimate known = ESTIMATES.get(table);
        if (known != null && now - known.readAt() < TTL_NANOS) {
            return known.rows();
        }
        Long rows = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = to_regclass(:table)")
                .param("table", table).query(Long.class).optional().orElse(0L);
        ESTIMATES.put(table, new Estimate(rows, now));
        return rows;
    }
}
