package io.kervan.deals;

import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Keyset;
import io.kervan.shared.KeysetQuery;
import io.kervan.shared.LiteralLimit;
import io.kervan.shared.OwnerRangeWalk;
import io.kervan.shared.OwnerRanges;
import io.kervan.shared.Rows;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.SearchWords;
import io.kervan.shared.Slice;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deal lists, the stale view and the kanban board: SQL over what the user may see. */
@Component
class DealQueries {

    static final Keyset.Column TITLE = new Keyset.Column("title", "d.sort_title", Keyset.Kind.TEXT);
    // Typed sort expressions (not text renderings) so that deals_pipeline_value_idx can serve the value sort.
    static final Keyset.Column VALUE = new Keyset.Column("value", "coalesce(d.value, 0)", Keyset.Kind.NUMERIC);
    static final Keyset.Column CLOSE = new Keyset.Column("expectedCloseDate",
            "coalesce(d.expected_close_date, date '9999-12-31')", Keyset.Kind.DATE);
    static final Keyset.Column CREATED = new Keyset.Column("createdAt", "d.created_at", Keyset.Kind.TIMESTAMP);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "d.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(TITLE, VALUE, CLOSE, CREATED, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(UPDATED, true);

    /** Cards shown per board column; the column totals still count every deal. */
    static final int CARDS_PER_COLUMN = 25;

    private static final String SUMMARY_COLUMNS = """
            d.id, d.title, d.pipeline_id, d.stage_id, d.status, d.value, d.currency, d.expected_close_date,
            d.company_id, d.owner_id, s.probability, d.stage_entered_at, d.last_activity_at, d.archived_at,
            d.created_at, d.updated_at, (d.status = 'open' and d.archived_at is null and d.stale_at < :now) as stale""";

    /** An unsearched list page: columns, keyset value, conditions, order, {@link LiteralLimit}. */
    private static final String LIST_PAGE = """
            select %1$s, %2$s as keyset_value
              from deals d join pipeline_stages s on s.id = d.stage_id
             where %3$s
             order by %4$s
             %5$s""";

    /**
     * A searched list page, ids first. A search discards most of the deals it walks; the indexes that carry the
     * searched columns (the update order's, V0081) let the inner query find the page without reading a row, so
     * only the page's rows are read. Without a search the walk keeps every deal it reads, and looking the page up
     * again would only add work (the value sort: 0.4 → 1.1 ms), so {@link #LIST_PAGE} serves it. The fifth
     * argument is what the ids are selected from: the table, or a stretch of owners' ranges ({@link #list}).
     */
    private static final String SEARCH_PAGE = """
            select %1$s, %2$s as keyset_value
              from (select d.id from %5$s where %3$s order by %4$s limit :limit) page
              join deals d on d.id = page.id
              join pipeline_stages s on s.id = d.stage_id
             order by %4$s""";

    private final JdbcClient jdbc;
    private final SearchWords searchWords;

    DealQueries(JdbcClient jdbc, SearchWords searchWords) {
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    Slice<DealSummary> list(VisibilityScope scope, DealFilter filter, Keyset.Sort sort, Keyset.Cursor cursor, int limit,
            Instant now) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        SearchQuery search = where(scope, filter, now, conditions, params, false);
        String after = "true";
        if (cursor != null) {
            after = sort.after("d.id");
            conditions.add(after);
            params.putAll(Keyset.params(cursor));
        }
        params.put("limit", limit + 1);
        String where = String.join(" and ", conditions);
        String order = sort.orderBy("d.id");
        OwnerRanges ranges = OwnerRanges.narrowed(scope.ownerRanges(), filter.ownerId());
        if (search != null && limit <= KeysetQuery.SHORT_PAGE && sort.column().equals(UPDATED)
                && OwnerRangeWalk.serves(ranges)) {
            // A short searched page of a user who sees some owners' deals, as the global search asks for: first
            // the visible owners' ranges of the owner index (V0084), bounded as KeysetQuery's first step is; a full
            // page from them is exactly the page, otherwise the page is read as for everyone else.
            params.put("keysetWalk", KeysetQuery.walkBound(jdbc, "deals", search));
            String stretch = OwnerRangeWalk.stretch("deals", "d", order, after, ranges, params);
            List<Row> rows = rows(SEARCH_PAGE.formatted(SUMMARY_COLUMNS, sort.valueExpression(), where, order, stretch),
                    params);
            if (rows.size() > limit) {
                return slice(rows, limit);
            }
        }
        String sql = search != null
                ? SEARCH_PAGE.formatted(SUMMARY_COLUMNS, sort.valueExpression(), where, order, "deals d")
                : LIST_PAGE.formatted(SUMMARY_COLUMNS, sort.valueExpression(), where, order,
                        LiteralLimit.of(limit + 1));
        return slice(rows(sql, params), limit);
    }

    private record Row(DealSummary summary, String keysetValue) {
    }

    private List<Row> rows(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(summary(rs), rs.getString("keyset_value"))).list();
    }

    private static Slice<DealSummary> slice(List<Row> rows, int limit) {
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(Row::summary).toList(), null);
        }
        Row last = rows.get(limit - 1);
        return new Slice<>(rows.subList(0, limit).stream().map(Row::summary).toList(),
                new Keyset.Cursor(last.keysetValue(), last.summary().id()).encode());
    }

    /**
     * The cards of a board: per stage of the filter's pipeline and for the won and lost columns the latest
     * {@link #CARDS_PER_COLUMN} deals, each column read on its own from an index ({@code deals_board_open_idx},
     * {@code deals_board_closed_idx}) so that a pipeline of a hundred thousand deals costs as much as one
     * of a hundred. Won and lost show the deals closed since {@code closedSince}.
     *
     * <p>The stage columns are the pipeline's rows of {@code pipeline_stages}, not an array of their ids: the
     * planner estimates an array parameter at ten elements, so a plan made once for any values (which the
     * driver's prepared statement would reuse) looked twice as costly as one made for this board's four to six
     * stages, and each board was planned anew (0.6 ms of about 1.2, docs/benchmarks.md, fourteenth round). The
     * won and lost window is written in for the same reason ({@link #closedSinceLiteral}).
     */
    List<DealSummary> boardCards(VisibilityScope scope, DealFilter filter, Instant now, Instant closedSince) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // A sales rep's won and lost cards: the planner, misjudging how many deals closed in the window, would
        // intersect bitmaps of every deal of the rep's team (26,000 entries, 12 ms) instead of walking the board's
        // index (V0067, owner columns included) in card order and checking owners as it goes (1 ms).
        java.util.Objects.requireNonNull(filter.pipelineId(), "a board's pipeline");
        where(scope, filter, now, conditions, params, true);
        String where = String.join(" and ", conditions);
        String sql = """
                select cards.* from pipeline_stages s cross join lateral (
                    select %1$s from deals d
                     where %2$s and d.status = 'open' and d.stage_id = s.id
                     order by d.stage_entered_at desc, d.id %3$s) cards
                 where s.pipeline_id = :pipelineId
                union all
                select cards.* from (values ('won'), ('lost')) as board_status(status) cross join lateral (
                    select %1$s from deals d join pipeline_stages s on s.id = d.stage_id
                     where %2$s and d.status <> 'open' and d.status = board_status.status
                       and d.closed_at >= %4$s
                     order by d.closed_at desc, d.id %3$s) cards""".formatted(SUMMARY_COLUMNS, where,
                        LiteralLimit.of(CARDS_PER_COLUMN), closedSinceLiteral(closedSince));
        return jdbc.sql(sql).params(params).query((rs, n) -> summary(rs)).list();
    }

    /**
     * The start of a board's won and lost window, written into the SQL. Bound as a parameter, the planner would
     * estimate a third of the pipeline's closed deals for {@code closed_at >= ?}, find a plan made once for any
     * value costlier than one made for the value, and plan every board anew. The window starts at a day's
     * beginning ({@link DealBoards}), so the statement text changes once a day and its plan is kept.
     */
    static String closedSinceLiteral(Instant closedSince) {
        return "timestamptz '" + closedSince + "'";
    }

    /**
     * Totals of one board column in one currency. {@code rateDate} is the day whose exchange rate
     * converts them: the close date of won and lost deals; {@code null} (today) for open deals, whose
     * value is a current estimate.
     */
    record ColumnSum(String column, String currency, java.time.LocalDate rateDate, long count, BigDecimal sum,
            BigDecimal weighted) {
    }

    /**
     * One row per (column, currency, rate day): column is the stage id for open deals, "won" or "lost" otherwise.
     * The open columns come from the stored totals (V0071) when the filter only narrows what the totals are keyed
     * by (pipeline, stage, owner and the visibility of owners); a search, status, stale, close month or archived
     * filter sums the matching deals instead.
     */
    List<ColumnSum> boardSums(VisibilityScope scope, DealFilter filter, Instant now, Instant closedSince) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where(scope, filter, now, conditions, params);
        String where = String.join(" and ", conditions);
        String open = storedTotalsServe(filter) ? storedOpenSums(scope, filter, params) : liveOpenSums(where);
        // The weighted total of a stage is its total times the stage's probability, applied once per group rather
        // than per deal. The closed part is an index-only scan of deals_board_closed_idx (V0067).
        String sql = """
                select cast(t.stage_id as text) as board_column, t.currency, null as rate_date, t.deals, t.total,
                       t.total * s.probability / 100 as weighted
                  from (%1$s) t
                  join pipeline_stages s on s.id = t.stage_id
                union all
                select d.status, d.currency, cast(d.closed_at at time zone 'UTC' as date),
                       count(*), coalesce(sum(d.value), 0),
                       case d.status when 'won' then coalesce(sum(d.value), 0) else 0 end
                  from deals d
                 where %2$s and d.status in ('won', 'lost') and d.closed_at >= %3$s
                 group by d.status, d.currency, 3""".formatted(open, where, closedSinceLiteral(closedSince));
        return jdbc.sql(sql).params(params).query((rs, n) -> new ColumnSum(rs.getString("board_column"),
                rs.getString("currency"), rs.getObject("rate_date", java.time.LocalDate.class), rs.getLong("deals"),
                rs.getBigDecimal("total"),
                rs.getBigDecimal("weighted"))).list();
    }

    /** Whether the stored totals hold exactly the open deals {@code filter} asks for. */
    static boolean storedTotalsServe(DealFilter filter) {
        return SearchQuery.parse(filter.query()) == null && filter.status() == null && !filter.staleOnly()
                && filter.closeMonth() == null && !filter.includeArchived();
    }

    /** Count and sum of the matching open deals per stage and currency, summed row by row (an index-only scan). */
    private static String liveOpenSums(String where) {
        return """
                select d.stage_id, d.currency, count(*) as deals, coalesce(sum(d.value), 0) as total
                  from deals d
                 where %s and d.status = 'open'
                 group by d.stage_id, d.currency""".formatted(where);
    }

    /**
     * The same from the stored totals plus the deltas not yet folded into them, read in one statement (one
     * snapshot), so a concurrent fold is seen either entirely or not at all. A key whose deals all left sums to 0
     * and is dropped, as the live sum has no row for it.
     */
    private static String storedOpenSums(VisibilityScope scope, DealFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        keyConditions(scope, filter, conditions, params, false);
        return """
                select d.stage_id, d.currency, sum(d.deals) as deals, sum(d.total) as total
                  from (select pipeline_id, stage_id, currency, owner_id, visible_to_team, deals, total
                          from deal_board_totals
                        union all
                        select pipeline_id, stage_id, currency, owner_id, visible_to_team, deals, total
                          from deal_board_total_deltas) d
                 where %s
                 group by d.stage_id, d.currency
                having sum(d.deals) <> 0""".formatted(String.join(" and ", conditions));
    }

    private void where(VisibilityScope scope, DealFilter filter, Instant now, List<String> conditions,
            Map<String, Object> params) {
        where(scope, filter, now, conditions, params, false);
    }

    /**
     * @param visibilityAsFilter check visibility on the rows an index scan returns rather than let the planner
     *        look owners up in an index of their own: see {@link #boardCards}
     */
    private SearchQuery where(VisibilityScope scope, DealFilter filter, Instant now, List<String> conditions,
            Map<String, Object> params, boolean visibilityAsFilter) {
        params.put("now", Timestamp.from(now));
        keyConditions(scope, filter, conditions, params, visibilityAsFilter);
        conditions.add(filter.includeArchived() ? "true" : "d.archived_at is null");
        SearchQuery search = searchWords.parse("deals", filter.query());
        if (search != null) {
            conditions.add(search.sqlPredicate("d"));
            params.putAll(search.parameters());
        }
        if (filter.status() != null) {
            conditions.add("d.status = :status");
            params.put("status", filter.status().key());
        }
        if (filter.staleOnly()) {
            // Served by deals_stale_idx: open, unarchived deals whose stale_at has passed.
            conditions.add("d.status = 'open' and d.archived_at is null and d.stale_at < :now");
        }
        if (filter.closeMonth() != null) {
            conditions.add("d.expected_close_date between :closeFrom and :closeTo");
            params.put("closeFrom", Date.valueOf(filter.closeMonth().atDay(1)));
            params.put("closeTo", Date.valueOf(filter.closeMonth().atEndOfMonth()));
        }
        return search;
    }

    /**
     * The conditions on what the stored board totals are keyed by (pipeline, stage, owner, team flag), over an
     * alias {@code d} of deals or of the totals.
     */
    private static void keyConditions(VisibilityScope scope, DealFilter filter, List<String> conditions,
            Map<String, Object> params, boolean visibilityAsFilter) {
        params.putAll(scope.sqlParameters());
        // "is true" is the same condition in a form that no index matches.
        conditions.add(visibilityAsFilter ? "(" + scope.sqlPredicate("d") + ") is true" : scope.sqlPredicate("d"));
        if (filter.pipelineId() != null) {
            conditions.add("d.pipeline_id = :pipelineId");
            params.put("pipelineId", filter.pipelineId());
        }
        if (filter.stageId() != null) {
            conditions.add("d.stage_id = :stageId");
            params.put("stageId", filter.stageId());
        }
        if (filter.ownerId() != null) {
            conditions.add("d.owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.ownerIds() != null) {
            conditions.add("d.owner_id = any(:ownerIds)");
            params.put("ownerIds", filter.ownerIds().toArray(UUID[]::new));
        }
    }

    private static DealSummary summary(ResultSet rs) throws SQLException {
        Date close = rs.getDate("expected_close_date");
        return new DealSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getObject("pipeline_id", UUID.class), rs.getObject("stage_id", UUID.class), rs.getString("status"),
                rs.getBigDecimal("value"), rs.getString("currency"), close == null ? null : close.toLocalDate(),
                rs.getObject("company_id", UUID.class), null, rs.getObject("owner_id", UUID.class),
                rs.getInt("probability"), Rows.instant(rs, "stage_entered_at"),
                Rows.instant(rs, "last_activity_at"), rs.getBoolean("stale"),
                rs.getTimestamp("archived_at") != null, Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
