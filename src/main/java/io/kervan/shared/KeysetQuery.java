package io.kervan.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds one keyset-paged list query over a record table: conditions are added one by one with
 * their bind parameters, and {@link #page} runs it and returns the items with the next cursor.
 * Every condition is SQL written by the calling module; user input only ever arrives as parameters.
 *
 * <pre>{@code
 * KeysetQuery.over("c")
 *     .where(scope.sqlPredicate("c"), scope.sqlParameters())
 *     .archived(filter.includeArchived())
 *     .search(searchWords.parse("companies", filter.query()))
 *     .whereEquals("c.owner_id", "ownerId", filter.ownerId())
 *     .page(jdbc, "c.id, c.name", "companies c", sort, cursor, limit, mapper, CompanySummary::id);
 * }</pre>
 */
public final class KeysetQuery {

    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private SearchQuery search;
    private OwnerRanges ranges;
    private List<Keyset.Column> rangeOrders = List.of();
    private Keyset.Column searchTextOrder;
    private Postings postings;

    /** Where {@link #postings} reads a search's page from. */
    private record Postings(String table, String vocabulary, Keyset.Column order) {
    }

    private KeysetQuery(String alias) {
        this.alias = alias;
    }

    /** A query over the table aliased {@code alias}, which has an {@code id} column. */
    public static KeysetQuery over(String alias) {
        return new KeysetQuery(alias);
    }

    public KeysetQuery where(String condition, Map<String, Object> parameters) {
        conditions.add(condition);
        params.putAll(parameters);
        return this;
    }

    public KeysetQuery where(String condition) {
        return where(condition, Map.of());
    }

    /** {@code column = :parameter}, only when {@code value} is given. */
    public KeysetQuery whereEquals(String column, String parameter, Object value) {
        if (value == null) {
            return this;
        }
        conditions.add(column + " = :" + parameter);
        params.put(parameter, value);
        return this;
    }

    /** Leaves archived rows ({@code archived_at} set) out unless asked for. */
    public KeysetQuery archived(boolean include) {
        return include ? this : where(alias + ".archived_at is null");
    }

    /** Narrows to rows whose {@code search_text} matches every word of {@code search}; no-op when null. */
    public KeysetQuery search(SearchQuery search) {
        if (search == null) {
            return this;
        }
        this.search = search;
        params.putAll(search.parameters());
        return this;
    }

    /**
     * Lets a search page sorted by one of {@code orders} walk only the records of the owners in {@code ranges}
     * ({@link OwnerRangeWalk}); no-op when {@code ranges} is null (the user sees every record). The conditions must
     * still say who sees what: the second step and every other page use them alone. For each of {@code orders} the
     * table must have an index on {@code (owner_id, <order>, id)} that includes {@code visible_to_team} and every
     * column the conditions test, so that each owner's range is read as an index-only scan (V0083, V0085).
     */
    public KeysetQuery ownerRanges(OwnerRanges ranges, Keyset.Column... orders) {
        this.ranges = ranges;
        this.rangeOrders = List.of(orders);
        return this;
    }

    /**
     * Tells that the table's search texts begin with what {@code column} sorts by (the record's name), so that a
     * search's first page in that order is placed before it runs: the statistics' sample of search texts is kept in
     * their own order, which is then about the page's, and shows how far along it the first matches lie
     * ({@link SearchEstimates#place}). About: a sort key puts Turkish letters after their plain forms (every
     * {@code ç} after every {@code c}), the folded search text among them, which moves a name by at most its letter's
     * share of the order.
     */
    public KeysetQuery searchTextFollows(Keyset.Column column) {
        this.searchTextOrder = column;
        return this;
    }

    /**
     * Lets a search for one word ({@link SearchQuery#answeredByPostedWords}) on a page sorted by {@code order} be read
     * from {@code table}'s postings: one row per record and word of its search text, with the {@code word}, the
     * record's {@code id}, the sort column and every column the conditions test, under the same names, and an index
     * on {@code (word, <order>, id)} that includes the rest. {@code vocabulary} holds the posted words ({@code word},
     * trigram-indexed). The page is then the first rows of each word that contains the searched letters, merged: about
     * a page of index entries per word, wherever along the order the matches lie (V0086).
     */
    public KeysetQuery postings(String table, String vocabulary, Keyset.Column order) {
        this.postings = new Postings(table, vocabulary, order);
        return this;
    }

    /**
     * Every condition, with the search's in its {@code like} form, or in its {@code strpos} form for a walk that
     * tests each row it reads ({@link SearchQuery#sqlWalkPredicate}).
     */
    private String allConditions(boolean walk) {
        List<String> all = new ArrayList<>(conditions);
        if (search != null) {
            all.add(walk ? search.sqlWalkPredicate(alias) : search.sqlPredicate(alias));
        }
        return allOf(all);
    }

    private static String allOf(List<String> conditions) {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    /**
     * Runs the query unpaged — {@code select <columns> from <from> where … order by <sort>, id} — and
     * hands each row to {@code rows} as it is read, {@code fetchSize} rows per round trip, so a list of
     * any length goes through in constant memory (exports). Must run inside a transaction: PostgreSQL's
     * driver fetches through a cursor only then, and reads the whole result into memory otherwise.
     */
    public void stream(JdbcClient jdbc, String columns, String from, Keyset.Sort sort, int fetchSize,
            RowCallbackHandler rows) {
        String sql = "select " + columns + " from " + from
                + " where " + allConditions(false)
                + " order by " + sort.orderBy(alias + ".id");
        jdbc.sql(sql).params(params).withFetchSize(fetchSize).query(rows);
    }

    /**
     * Runs the query: {@code select <columns> from <from> where id in (select id … where … order by <sort>, id
     * limit n+1)}, in sort order.
     *
     * <p>A short page ({@value #SHORT_PAGE} rows or fewer, as the global search box asks for) with a
     * {@link #search} is found in up to two steps, because neither of PostgreSQL's two ways is safe on its own.
     * Walking the sort order and testing each row stops early when matches are common, but passes most of the
     * table when they are few or bunched far along the order — companies named after the searched word all sort
     * together, and {@code yılm} walked 195,000 of 200,000 companies (74 ms) to find six; the planner cannot see
     * that bunching. Collecting every match and sorting costs in proportion to the matches,
     * which is cheap for rare words and slow for common ones. So the first step walks a stretch of the order no
     * longer than collecting would cost ({@link #walkBound}); if that yields a full page it is exactly the page
     * (any earlier match lies inside the stretch). Otherwise the second step collects and sorts all matches.
     * The walk tests the search with {@code strpos} ({@link SearchQuery#sqlWalkPredicate}): no index serves it
     * there, and it spares the planner the {@code like} estimate (about 1 ms per query on a million contacts).
     *
     * <p>A list page of 50 keeps the planner's single choice: it needs ten times the matches, so its walk is longer
     * and how thinly the matches are spread along the order varies more; a bounded walk then often runs out just
     * short of the page and the collecting comes on top. On a million contacts that made the list's prefix search
     * twice as slow at p95 (23 → 48 ms, one client); the bunched case stays the planner's (docs/benchmarks.md).
     * Two exceptions. When the walk reads only the visible owners' ranges ({@link #ownerRanges}), pages of any
     * length take the two steps: a user who sees an eighth of the records otherwise walks eight times the entries,
     * or collects through the trigram index, which for a sales rep costs 23–60 ms. And when the page can be placed
     * before it runs ({@link #searchPlan}), the place decides between walking, collecting, or both.
     *
     * <p>Before all of that, a search for one word is read from the table's postings when it has them
     * ({@link #postings}): a page of index entries for each word that contains the searched letters, merged. This is
     * exact and cheap wherever along the order the matches lie; the ways above remain for the searches postings
     * cannot answer.
     *
     * @param columns select list; must not contain a column called {@code keyset_value} or {@code keyset_id}
     * @param from a single table with its alias (it is read twice: for the page's ids, then for their rows)
     * @param id the id of a mapped row, for the cursor
     */
    public <T> Slice<T> page(JdbcClient jdbc, String columns, String from, Keyset.Sort sort, Keyset.Cursor cursor,
            int limit, RowMapper<T> mapper, Function<T, UUID> id) {
        String idColumn = alias + ".id";
        String order = sort.orderBy(idColumn);
        Map<String, Object> bind = new HashMap<>(params);
        bind.put("keysetLimit", limit + 1);
        String after = "true";
        if (cursor != null) {
            after = sort.after(idColumn);
            bind.putAll(Keyset.params(cursor));
        }
        String where = allConditions(false);
        String pageIds = "select " + idColumn + " as keyset_id from ";
        String thenLimit = " order by " + order + " limit :keysetLimit";
        if (search == null) {
            // Its plan does not depend on the values bound, so PostgreSQL may keep one for it (LiteralLimit).
            String unsearched = " order by " + order + " " + LiteralLimit.of(limit + 1);
            return slice(pageRows(jdbc, columns, from, sort,
                    pageIds + from + " where " + after + " and " + where + unsearched, bind, mapper), limit, id);
        }
        List<String> words = postedWords(jdbc, sort);
        if (words != null) {
            if (words.isEmpty()) {
                return new Slice<>(List.of(), null);
            }
            bind.put("postedWords", words.toArray(String[]::new));
            return slice(pageRows(jdbc, columns, from, sort, postedPage(sort, after, thenLimit), bind, mapper), limit,
                    id);
        }
        SearchPlan plan = searchPlan(jdbc, from, sort, cursor, limit);
        if (plan.way() == Way.PLANNER) {
            return slice(pageRows(jdbc, columns, from, sort,
                    pageIds + from + " where " + after + " and " + where + thenLimit, bind, mapper), limit, id);
        }
        if (plan.way() == Way.WALK) {
            // Tested inside the scan and with no like for the planner to estimate: one plan, kept (LiteralLimit).
            String walked = " order by " + order + " " + LiteralLimit.of(limit + 1);
            String walk = pageIds + from + " where " + after + " and " + allConditions(true) + walked;
            return slice(pageRows(jdbc, columns, from, sort, walk, bind, mapper), limit, id);
        }
        List<Row<T>> rows = List.of();
        if (plan.way() == Way.WALK_FIRST) {
            bind.put("keysetWalk", plan.walkBound());
            String stretch = walksOwnerRanges(sort)
                    ? OwnerRangeWalk.stretch(from.split(" ")[0], alias, order, after, ranges, bind)
                    : "(select * from " + from + " where " + after + " order by " + order + " limit :keysetWalk) "
                            + alias;
            rows = pageRows(jdbc, columns, from, sort,
                    pageIds + stretch + " where " + allConditions(true) + thenLimit, bind, mapper);
        }
        if (rows.size() <= limit) {
            // "offset 0" keeps the conditions inside, so the planner collects the matches (through the trigram
            // index for a rare word) instead of walking the order again.
            String matches = "(select * from " + from + " where " + after + " and " + where + " offset 0) " + alias;
            rows = pageRows(jdbc, columns, from, sort, pageIds + matches + thenLimit, bind, mapper);
        }
        return slice(rows, limit, id);
    }

    /**
     * The posted words that contain the search's word or one of its corrections, when the postings serve this page
     * ({@link #postings}); {@code null} when they do not, or when more than {@value #MAX_POSTED_WORDS} words do.
     * Each word costs an index probe and up to a page of entries, a few microseconds: on a million contacts a last
     * name's letters are in 20–60 words ({@code yilm}: yilmaz, ayilmaz from e-mail addresses, company domains), and
     * the merge takes 1–3 ms. Addresses with random letters glued to the names ({@code yilmazjtr}) made thousands of
     * words, 5–10 ms of merging; such searches are found the other ways.
     */
    private List<String> postedWords(JdbcClient jdbc, Keyset.Sort sort) {
        if (postings == null || !sort.column().equals(postings.order()) || !search.answeredByPostedWords()) {
            return null;
        }
        List<String> words = jdbc.sql("select v.word from " + postings.vocabulary() + " v where "
                        + search.sqlLikePredicate("v.word") + " limit " + (MAX_POSTED_WORDS + 1))
                .params(search.parameters()).query(String.class).list();
        return words.size() > MAX_POSTED_WORDS ? null : words;
    }

    static final int MAX_POSTED_WORDS = 256;

    /**
     * The page's ids from the postings of {@code :postedWords}: each word's first rows after the cursor that meet the
     * conditions (tested on the postings, which carry the columns they test), then the first of their union. A record
     * holding two of the words is posted under both, hence {@code distinct}.
     */
    private String postedPage(Keyset.Sort sort, String after, String thenLimit) {
        String perWord = "(select * from " + postings.table() + " " + alias + " where " + alias + ".word = posted.word"
                + " and " + after + " and " + allOf(conditions) + thenLimit + ") " + alias;
        return "select distinct " + alias + ".id as keyset_id, " + sort.column().sql()
                + " from unnest(cast(:postedWords as text[])) posted(word) cross join lateral " + perWord + thenLimit;
    }

    /**
     * How a search page is found: by PostgreSQL's single choice, by walking the order until the page is full, by
     * walking a bounded stretch first, or by collecting at once.
     */
    enum Way { PLANNER, WALK, WALK_FIRST, COLLECT }

    /** The way, and for {@link Way#WALK_FIRST} how many rows the walk passes at most. */
    record SearchPlan(Way way, long walkBound) {
    }

    /**
     * Chooses how {@link #page} finds a search page (see there for the two steps). A first page in the order the
     * search texts follow ({@link #searchTextFollows}) is placed first ({@link SearchEstimates#place}), because the
     * planner cannot see where along the order the matches lie: a first name late in the alphabet ({@code zeyn})
     * walked 990,000 of a million contacts, 300 ms, where collecting takes 20.
     * <ul>
     * <li>Placed further along than collecting would cost even five sampled stretches earlier than the sample shows:
     * it collects at once. The margin is the sample's: the first of a dozen sampled matches of a word spread evenly
     * lies that far in only once in 150 words.
     * <li>Placed that far only two stretches earlier: it walks as far as collecting would cost, and collects if that
     * was not enough. A word spread evenly but first sampled late ({@code kso}; one such word in seven lies two
     * stretches late) finds its page on the way; a bunched one pays for both steps, at most twice what collecting
     * costs.
     * <li>Otherwise a long page that is not walked in owner ranges is found in one step, as the planner would choose
     * but without asking it (its {@code like} estimate costs 0.6–0.9 ms of planning per search on a million
     * contacts): it walks the order testing each index entry inside the scan, which costs half of what the bounded
     * walk's subquery does per entry, unless the page needs more entries than collecting costs — as far as the
     * earliest place, or as an even spread of the estimated matches needs — and then it collects.
     * <li>Other pages walk a bounded stretch first. A walk placed further along than the usual bound goes up to twice
     * as far as the place (within twice the bound), so that thinly spread matches ({@code smit}, 31,000 rows in,
     * four per match) do not run out just short of the page and pay for both steps.
     * </ul>
     * A page that is not placed keeps the planner's choice when long, and the bounded walk when short.
     */
    SearchPlan searchPlan(JdbcClient jdbc, String from, Keyset.Sort sort, Keyset.Cursor cursor, int limit) {
        boolean placed = cursor == null && sort.column().equals(searchTextOrder);
        boolean longPage = limit > SHORT_PAGE && !walksOwnerRanges(sort);
        if (!placed && longPage) {
            return new SearchPlan(Way.PLANNER, 0);
        }
        SearchEstimates.Placement place = placed
                ? SearchEstimates.place(jdbc, from.split(" ")[0], search, limit + 1, sort.descending()) : null;
        long bound = place == null ? walkBound(jdbc, from, search) : walkBound(place.matches());
        if (place != null && place.rowsBefore() - SURELY_FAR * place.spread() > bound) {
            return new SearchPlan(Way.COLLECT, 0);
        }
        if (place != null && place.rowsBefore() - MAYBE_FAR * place.spread() > bound) {
            return new SearchPlan(Way.WALK_FIRST, bound);
        }
        if (place != null && longPage) {
            long walk = Math.max(place.rowsBefore() - MAYBE_FAR * place.spread(), place.evenWalk());
            return new SearchPlan(walk <= bound ? Way.WALK : Way.COLLECT, 0);
        }
        if (longPage) {
            return new SearchPlan(Way.PLANNER, 0);
        }
        long placedBound = place == null ? bound : Math.min(2 * place.rowsBefore(), 2 * bound);
        return new SearchPlan(Way.WALK_FIRST, Math.max(bound, placedBound));
    }

    /** How many sampled stretches ({@link SearchEstimates.Placement#spread}) of doubt {@link #searchPlan} allows. */
    static final int SURELY_FAR = 5;
    static final int MAYBE_FAR = 2;

    private boolean walksOwnerRanges(Keyset.Sort sort) {
        return search != null && OwnerRangeWalk.serves(ranges) && rangeOrders.contains(sort.column());
    }

    private static <T> Slice<T> slice(List<Row<T>> rows, int limit, Function<T, UUID> id) {
        List<T> items = rows.stream().limit(limit).map(Row::item).toList();
        if (rows.size() <= limit) {
            return new Slice<>(items, null);
        }
        Row<T> last = rows.get(limit - 1);
        return new Slice<>(items, new Keyset.Cursor(last.keysetValue(), id.apply(last.item())).encode());
    }

    private record Row<T>(T item, String keysetValue) {
    }

    /**
     * The page's rows for {@code idQuery}, which selects the page's ids in order as {@code keyset_id}: the ids
     * first, then their rows.
     * The id query reads only what the conditions and the sort need, so an index that includes those columns
     * serves it without reading the table for every entry it skips (V0070); the outer one reads the page's rows.
     */
    private <T> List<Row<T>> pageRows(JdbcClient jdbc, String columns, String from, Keyset.Sort sort,
            String idQuery, Map<String, Object> bind, RowMapper<T> mapper) {
        String idColumn = alias + ".id";
        String sql = "select " + columns + ", " + sort.valueExpression() + " as keyset_value from " + from
                + " join (" + idQuery + ") keyset_page on keyset_page.keyset_id = " + idColumn
                + " order by " + sort.orderBy(idColumn);
        return jdbc.sql(sql).params(bind)
                .query((rs, n) -> new Row<>(mapper.mapRow(rs, n), rs.getString("keyset_value"))).list();
    }

    /**
     * How many rows a search's first step walks: as many as collecting the matches would cost. Walking passes
     * an index entry in about a microsecond; collecting takes about four per match (a table row read and the
     * sort). So the walk stops at four entries per match the search is estimated to have ({@link SearchEstimates}),
     * and the two steps together never cost much more than twice the cheaper one. At least 1,000, which also
     * covers small tables and tables not analysed yet.
     */
    public static long walkBound(JdbcClient jdbc, String from, SearchQuery search) {
        return walkBound(SearchEstimates.matches(jdbc, from.split(" ")[0], search));
    }

    /** The walk's bound for a search estimated to match {@code matches} rows (-1: unknown). */
    static long walkBound(long matches) {
        return Math.max(MIN_WALK, WALK_PER_MATCH * matches);
    }

    static final long WALK_PER_MATCH = 4;

    /** The longest page found in two steps when the whole order is walked; see {@link #page}. */
    public static final int SHORT_PAGE = 20;
    static final long MIN_WALK = 1_000;
}
