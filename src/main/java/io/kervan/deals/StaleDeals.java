package io.kervan.deals;

import io.kervan.shared.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open deals that have gone stale, for background work (the "a deal of yours went stale"
 * notification). Applies no visibility: it answers for the system, not for a signed-in user.
 */
@Service
public class StaleDeals {

    private final JdbcClient jdbc;

    StaleDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A deal that went stale at {@code staleAt}; a later activity moves {@code staleAt}, so
     * (id, staleAt) names one stale episode.
     */
    public record StaleDeal(UUID id, String title, UUID ownerId, Instant staleAt) {
    }

    /** Open, unarchived deals whose stale time lies in [{@code since}, {@code now}), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<StaleDeal> wentStaleBetween(Instant since, Instant now, int limit) {
        return jdbc.sql("""
                select id, title, owner_id, stale_at from deals
                 where status = 'open' and archived_at is null and stale_at >= :since and stale_at < :now
                 order by stale_at, id limit :limit""")
                .param("since", Timestamp.from(since)).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new StaleDeal(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getObject("owner_id", UUID.class), Rows.instant(rs, "stale_at")))
                .list();
    }
}
