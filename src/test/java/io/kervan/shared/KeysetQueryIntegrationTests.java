package io.kervan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A search page is found by walking a bounded stretch of the sort order first and by collecting all matches
 * when that stretch holds too few (see {@link KeysetQuery#page}). Both ways must give the same pages as the
 * plain definition: every match, in order, each once. The rows live in a temporary table of 3,000 rows; not
 * analysed, the walk covers the first {@value KeysetQuery#MIN_WALK} of them, analysed it covers four rows per
 * estimated match.
 */
@IntegrationTest
class KeysetQueryIntegrationTests {

    static final int ROWS = 3_000;
    static final Keyset.Sort BY_NAME = new Keyset.Sort(new Keyset.Column("name", "t.sort_name", Keyset.Kind.TEXT), false);
    static final Keyset.Sort BY_NAME_DESCENDING = new Keyset.Sort(BY_NAME.column(), true);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record Row(UUID id, String name) {
    }

    /** Pages of {@code size} through the rows matching {@code word}, as names. */
    List<String> allPages(String word, Keyset.Sort sort, int size) {
        return allPages(() -> KeysetQuery.over("t"), word, sort, size);
    }

    List<String> allPages(Supplier<KeysetQuery> query, String word, Keyset.Sort sort, int size) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            Slice<Row> page = query.get().search(SearchQuery.parse(word))
                    .page(jdbc, "t.id, t.sort_name", "keyset_rows t", sort, Keyset.Cursor.decode(cursor), size,
                            (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("sort_name")), Row::id);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            page.items().forEach(r -> names.add(r.name()));
            assertThat(names).as("pages that do not move on").hasSizeLessThanOrEqualTo(ROWS);
            cursor = page.nextCursor();
        } while (cursor != null);
        return names;
    }

    /** Rows 1…3000 named {@code row-0001}…, with {@code word} in the search text of those {@code where} picks. */
    void createRows(String word, IntPredicate where) {
        SearchEstimates.forget("keyset_rows");
        jdbc.sql("create temporary table keyset_rows (id uuid primary key, sort_name text collate \"C\" not null, "
                + "search_text text not null, owner_id uuid not null, visible_to_team boolean not null) "
                + "on commit drop").update();
        jdbc.sql("create index on keyset_rows (sort_name, id)").update();
        jdbc.sql("create index on keyset_rows (owner_id, sort_name, id) include (visible_to_team, search_text)").update();
        String[] names = IntStream.rangeClosed(1, ROWS).mapToObj(KeysetQueryIntegrationTests::name).toArray(String[]::new);
        String[] texts = IntStream.rangeClosed(1, ROWS).mapToObj(i -> name(i) + (where.test(i) ? " " + word : " hay"))
                .toArray(String[]::new);
        UUID[] owners = IntStream.rangeClosed(1, ROWS).mapToObj(i -> OWNERS.get(i % OWNERS.size())).toArray(UUID[]::new);
        Boolean[] visible = IntStream.rangeClosed(1, ROWS).mapToObj(KeysetQueryIntegrationTests::visibleToTeam)
                .toArray(Boolean[]::new);
        jdbc.sql("insert into keyset_rows select gen_random_uuid(), n, t, o, v "
                        + "from unnest(:names, :texts, :owners, :visible) as r (n, t, o, v)")
                .param("names", names).param("texts", texts).param("owners", owners).param("visible", visible).update();
    }

    /** Row i is owned by {@code OWNERS[i % 5]} and visible to its owner's team unless i is a multiple of 3. */
    static final List<UUID> OWNERS = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();

    static boolean visibleToTeam(int i) {
        return i % 3 != 0;
    }

    static String name(int i) {
        return "row-%04d".formatted(i);
    }

    static List<String> expected(IntPredicate where, boolean descending) {
        List<String> names = new ArrayList<>(
                IntStream.rangeClosed(1, ROWS).filter(where).mapToObj(KeysetQueryIntegrationTests::name).toList());
        if (descending) {
            Collections.reverse(names);
        }
        return names;
    }

    @Test
    void matchesBunchedFarAlongTheOrderAreCollectedAndSorted() {
        IntPredicate bunched = i -> i > 2_600 && i <= 2_620;
        transactions.executeWithoutResult(tx -> {
            createRows("needle", bunched);
            assertThat(allPages("needle", BY_NAME, 5)).containsExactlyElementsOf(expected(bunched, false));
            assertThat(allPages("needle", BY_NAME, KeysetQuery.SHORT_PAGE)).containsExactlyElementsOf(expected(bunched, false));
            assertThat(allPages("needle", BY_NAME, 50)).containsExactlyElementsOf(expected(bunched, false));
            tx.setRollbackOnly();
        });
    }

    @Test
    void commonMatchesAreFoundByWalkingTheOrderAcrossPages() {
        IntPredicate spread = i -> i % 7 == 0;
        transactions.executeWithoutResult(tx -> {
            createRows("thread", spread);
            jdbc.sql("analyze keyset_rows").update();
            SearchEstimates.forget("keyset_rows");
            assertThat(SearchEstimates.matches(jdbc, "keyset_rows", SearchQuery.parse("thread")))
                    .isBetween(ROWS / 7L / 2, ROWS / 7L * 2);
            assertThat(allPages("thread", BY_NAME, 5)).containsExactlyElementsOf(expected(spread, false));
            assertThat(allPages("thread", BY_NAME_DESCENDING, KeysetQuery.SHORT_PAGE)).containsExactlyElementsOf(expected(spread, true));
            tx.setRollbackOnly();
        });
    }

    @Test
    void aFewMatchesInsideTheWalkedStretchAndSomeBeyondItAreAllFound() {
        IntPredicate both = i -> i == 3 || i == 500 || i == 2_999;
        transactions.executeWithoutResult(tx -> {
            createRows("pin", both);
            assertThat(allPages("pin", BY_NAME, 2)).containsExactlyElementsOf(expected(both, false));
            assertThat(allPages("pin", BY_NAME, 5)).containsExactlyElementsOf(expected(both, false));
            assertThat(allPages("nothing", BY_NAME, 5)).isEmpty();
            tx.setRollbackOnly();
        });
    }

    /**
     * Matches bunched at the end of an analysed table, in the order the search texts follow: the first page is
     * placed there and collected at once, in either page length. Read from the other end it is walked, the long
     * page in one step and the short one in a bounded stretch first; without knowing what the search texts follow,
     * the long page is the planner's. Every way gives the same pages.
     */
    @Test
    void aFirstPageWhoseMatchesLieFarAlongTheOrderIsCollectedAtOnce() {
        IntPredicate lastTenth = i -> i > 2_700;
        Supplier<KeysetQuery> placed = () -> KeysetQuery.over("t").searchTextFollows(BY_NAME.column());
        transactions.executeWithoutResult(tx -> {
            createRows("zeynep", lastTenth);
            // as the record tables keep it (V0069): a histogram of a thousand search texts
            jdbc.sql("alter table keyset_rows alter column search_text set statistics 1000").update();
            jdbc.sql("analyze keyset_rows").update();
            SearchEstimates.forget("keyset_rows");
            assertThat(plan(placed, "zeynep", BY_NAME, 50)).isEqualTo(KeysetQuery.Way.COLLECT);
            assertThat(plan(placed, "zeynep", BY_NAME, 5)).isEqualTo(KeysetQuery.Way.COLLECT);
            assertThat(plan(placed, "zeynep", BY_NAME_DESCENDING, 50)).isEqualTo(KeysetQuery.Way.WALK);
            assertThat(plan(placed, "zeynep", BY_NAME_DESCENDING, 5)).isEqualTo(KeysetQuery.Way.WALK_FIRST);
            assertThat(plan(() -> KeysetQuery.over("t"), "zeynep", BY_NAME, 50)).isEqualTo(KeysetQuery.Way.PLANNER);
            for (int size : new int[] {5, 50}) {
                assertThat(allPages(placed, "zeynep", BY_NAME, size))
                        .containsExactlyElementsOf(expected(lastTenth, false));
                assertThat(allPages(placed, "zeynep", BY_NAME_DESCENDING, size))
                        .containsExactlyElementsOf(expected(lastTenth, true));
            }
            tx.setRollbackOnly();
        });
    }

    /** Matches all along the order are walked: a placed long page in one step, a short one in a bounded stretch. */
    @Test
    void aFirstPageWhoseMatchesLieAllAlongTheOrderIsWalked() {
        IntPredicate spread = i -> i % 7 == 0;
        Supplier<KeysetQuery> placed = () -> KeysetQuery.over("t").searchTextFollows(BY_NAME.column());
        transactions.executeWithoutResult(tx -> {
            createRows("thread", spread);
            jdbc.sql("analyze keyset_rows").update();
            SearchEstimates.forget("keyset_rows");
            assertThat(plan(placed, "thread", BY_NAME, 50)).isEqualTo(KeysetQuery.Way.WALK);
            assertThat(plan(placed, "thread", BY_NAME, 5)).isEqualTo(KeysetQuery.Way.WALK_FIRST);
            assertThat(allPages(placed, "thread", BY_NAME, 50)).containsExactlyElementsOf(expected(spread, false));
            tx.setRollbackOnly();
        });
    }

    /** How a first page of {@code size} rows matching {@code word} is found. */
    KeysetQuery.Way plan(Supplier<KeysetQuery> query, String word, Keyset.Sort sort, int size) {
        return query.get().search(SearchQuery.parse(word)).searchPlan(jdbc, "keyset_rows t", sort, null, size).way();
    }

    /**
     * An unsearched page's statement, run again and again on one connection as a pooled one is, settles on one
     * generic plan ({@link LiteralLimit}), read from PostgreSQL's own count of each prepared statement's plans.
     */
    @Test
    void anUnsearchedPageKeepsOnePlan() {
        transactions.executeWithoutResult(tx -> {
            createRows("needle", i -> false);
            for (int i = 0; i < 15; i++) {
                KeysetQuery.over("t").page(jdbc, "t.id, t.sort_name", "keyset_rows t", BY_NAME, null, 20,
                        (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("sort_name")), Row::id);
            }
            assertThat(jdbc.sql("""
                    select coalesce(sum(generic_plans), 0) from pg_prepared_statements
                     where statement like '%keyset_rows t join%' and statement not like '%search_text%'""")
                    .query(Long.class).single()).isPositive();
            tx.setRollbackOnly();
        });
    }

    /**
     * A user who sees two owners' rows and a third owner's team-visible ones, as a sales rep does: the short pages
     * walk those owners' ranges merged ({@link KeysetQuery#ownerRanges}), the long ones the whole order, and both
     * give exactly the rows the visibility condition admits, in order, for common and for bunched matches.
     */
    @Test
    void ownerRangesGiveExactlyTheVisibleMatchesInOrder() {
        OwnerRanges ranges = OwnerRanges.of(List.of(OWNERS.get(0), OWNERS.get(1)), List.of(OWNERS.get(1), OWNERS.get(2)));
        Supplier<KeysetQuery> visible = () -> KeysetQuery.over("t")
                .where("(t.owner_id = any(:full) or (t.visible_to_team and t.owner_id = any(:team)))",
                        Map.of("full", ranges.full().toArray(UUID[]::new),
                                "team", ranges.teamOnly().toArray(UUID[]::new)))
                .ownerRanges(ranges, BY_NAME.column());
        IntPredicate seen = i -> i % 5 == 0 || i % 5 == 1 || (i % 5 == 2 && visibleToTeam(i));
        IntPredicate spread = i -> i % 7 == 0;
        IntPredicate bunched = i -> i > 2_600 && i <= 2_640;
        transactions.executeWithoutResult(tx -> {
            createRows("thread", spread);
            jdbc.sql("analyze keyset_rows").update();
            SearchEstimates.forget("keyset_rows");
            for (int size : new int[] {2, 5, 50}) {
                assertThat(allPages(visible, "thread", BY_NAME, size))
                        .containsExactlyElementsOf(expected(spread.and(seen), false));
                assertThat(allPages(visible, "thread", BY_NAME_DESCENDING, size))
                        .containsExactlyElementsOf(expected(spread.and(seen), true));
            }
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> {
            createRows("needle", bunched);
            assertThat(allPages(visible, "needle", BY_NAME, 5)).containsExactlyElementsOf(expected(bunched.and(seen), false));
            assertThat(allPages(visible, "nothing", BY_NAME, 5)).isEmpty();
            tx.setRollbackOnly();
        });
    }

    /** The rows' postings (V0086's words of each search text) and their vocabulary, as temporary tables. */
    void postRows() {
        jdbc.sql("create temporary table keyset_postings on commit drop as select w as word, t.sort_name, t.id, "
                + "t.owner_id, t.visible_to_team from keyset_rows t, contact_search_words(t.search_text) w").update();
        jdbc.sql("create index on keyset_postings (word, sort_name, id) include (owner_id, visible_to_team)").update();
        jdbc.sql("create temporary table keyset_vocabulary on commit drop as select distinct word from keyset_postings")
                .update();
        jdbc.sql("create index on keyset_vocabulary using gin (word gin_trgm_ops)").update();
    }

    /**
     * A search for one word of letters is read from the postings of every word that contains it, merged in order,
     * with the visibility conditions tested on the postings: the same pages as the search texts give, in both
     * directions and at every page length. More words than the merge is worth, or a search the postings cannot
     * answer, is read from the search texts.
     */
    @Test
    void aSearchForOneWordIsReadFromThePostingsOfTheWordsContainingIt() {
        OwnerRanges ranges = OwnerRanges.of(List.of(OWNERS.get(0), OWNERS.get(1)), List.of(OWNERS.get(2)));
        Supplier<KeysetQuery> posted = () -> KeysetQuery.over("t")
                .where("(t.owner_id = any(:full) or (t.visible_to_team and t.owner_id = any(:team)))",
                        Map.of("full", ranges.full().toArray(UUID[]::new),
                                "team", ranges.teamOnly().toArray(UUID[]::new)))
                .ownerRanges(ranges, BY_NAME.column())
                .postings("keyset_postings", "keyset_vocabulary", BY_NAME.column());
        IntPredicate seen = i -> i % 5 == 0 || i % 5 == 1 || (i % 5 == 2 && visibleToTeam(i));
        IntPredicate spreadAndBunched = i -> i % 7 == 0 || (i > 2_600 && i <= 2_640);
        transactions.executeWithoutResult(tx -> {
            createRows("thread", spreadAndBunched);
            // Three posted words contain "thread"; "threa" does not.
            jdbc.sql("update keyset_rows set search_text = replace(search_text, 'thread', 'rethreaded') "
                    + "where sort_name like '%5'").update();
            jdbc.sql("update keyset_rows set search_text = replace(search_text, 'thread', 'threads2') "
                    + "where sort_name like '%6'").update();
            jdbc.sql("update keyset_rows set search_text = search_text || ' threa' where sort_name like '%3'").update();
            postRows();
            List<String> visibleMatches = expected(spreadAndBunched.and(seen), false);
            for (int size : new int[] {2, 5, 50}) {
                assertThat(allPages(posted, "thread", BY_NAME, size)).containsExactlyElementsOf(visibleMatches);
                assertThat(allPages(posted, "thread", BY_NAME_DESCENDING, size))
                        .containsExactlyElementsOf(expected(spreadAndBunched.and(seen), true));
            }
            assertThat(allPages(posted, "nothing", BY_NAME, 5)).isEmpty();

            // Read from the postings: a match whose postings are gone is not found.
            jdbc.sql("delete from keyset_postings where sort_name = :name").param("name", visibleMatches.get(0))
                    .update();
            assertThat(allPages(posted, "thread", BY_NAME, 50)).containsExactlyElementsOf(
                    visibleMatches.subList(1, visibleMatches.size()));
            // Not a word of letters a-z alone, or too short for the vocabulary's trigrams: read from the texts.
            assertThat(allPages(posted, "0", BY_NAME, 50)).hasSize(Math.toIntExact(
                    IntStream.rangeClosed(1, ROWS).filter(seen).filter(i -> name(i).contains("0")).count()));
            assertThat(allPages(posted, "hr", BY_NAME, 50))
                    .containsExactlyElementsOf(expected(spreadAndBunched.or(i -> i % 10 == 3).and(seen), false));
            // More words containing the search than the merge is worth: read from the texts, so found again.
            jdbc.sql("insert into keyset_vocabulary select 'thread' || chr(97 + n / 26) || chr(97 + n % 26) "
                    + "from generate_series(0, :n) n").param("n", KeysetQuery.MAX_POSTED_WORDS).update();
            assertThat(allPages(posted, "thread", BY_NAME, 50)).containsExactlyElementsOf(visibleMatches);
            tx.setRollbackOnly();
        });
    }
}
