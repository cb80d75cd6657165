package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.VisibilityScope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored board totals (V0071: trigger deltas folded by {@link BoardTotalsCompaction}) always equal the live
 * sum over the deals, whatever happened to the deals, whether or not the deltas were folded, for the admin and for
 * a rep who sees some owners fully and some only for team-visible deals. Each test works on owners of its own
 * and filters on them, so deals of other tests in the shared database do not count.
 */
@IntegrationTest
class DealBoardTotalsIntegrationTests {

    private static final List<String> CURRENCIES = List.of("TRY", "EUR", "USD");

    @Autowired
    ApplicationContext context;

    @Autowired
    DealQueries queries;

    @Autowired
    BoardTotalsCompaction compaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final Map<UUID, List<UUID>> stagesByPipeline = new java.util.LinkedHashMap<>();
    private final List<UUID> owners = new ArrayList<>();

    @BeforeEach
    void ownersAndPipelines() {
        TestUsers users = new TestUsers(context);
        for (int i = 0; i < 4; i++) {
            owners.add(users.create(Role.SALES_REP, null).id());
        }
        UUID seeded = UUID.fromString(DealFixtures.PIPELINE);
        stagesByPipeline.put(seeded, List.of(UUID.fromString(DealFixtures.QUALIFY),
                UUID.fromString(DealFixtures.MEETING), UUID.fromString(DealFixtures.PROPOSAL),
                UUID.fromString(DealFixtures.NEGOTIATION)));
        // A second pipeline to move deals to; archived so that no other test's pipeline list shows it.
        UUID other = UUID.randomUUID();
        jdbc.sql("""
                insert into pipelines (id, name, position, archived_at, created_at, updated_at)
                values (:id, 'Board totals test', 99, now(), now(), now())""").param("id", other).update();
        List<UUID> otherStages = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < otherStages.size(); i++) {
            jdbc.sql("""
                    insert into pipeline_stages (id, pipeline_id, name, position, probability, created_at, updated_at)
                    values (:id, :pipeline, :name, :position, 40, now(), now())""")
                    .param("id", otherStages.get(i)).param("pipeline", other).param("name", "Stage " + i)
                    .param("position", i).update();
        }
        stagesByPipeline.put(other, otherStages);
    }

    @Test
    void storedTotalsEqualTheLiveSumAfterAnyRandomSequenceOfChanges() {
        for (long seed : new long[] {1L, 2L, 3L, 4L, 5L, 42L, 20261123L}) {
            Random random = new Random(seed);
            List<UUID> deals = new ArrayList<>();
            for (int step = 0; step < 80; step++) {
                String operation = randomChange(random, deals);
                assertStoredEqualsLive("seed " + seed + ", step " + step + " (" + operation + ")");
            }
            compaction.compact();
            assertStoredEqualsLive("seed " + seed + " after compaction");
        }
    }

    @Test
    void concurrentWritersAndCompactionsLoseNoChange() throws Exception {
        List<UUID> deals = new ArrayList<>();
        Random setup = new Random(7);
        for (int i = 0; i < 40; i++) {
            deals.add(insertDeal(setup));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    Random random = new Random(100 + writer);
                    for (int i = 0; i < 150; i++) {
                        // Several deals per transaction, all hitting the same few keys; each writer changes deals
                        // of its own, so the writers wait for nothing but the totals (which they must not).
                        transactions.executeWithoutResult(status -> {
                            for (int j = 0; j < 3; j++) {
                                changeExisting(random, deals.get(writer + 3 * random.nextInt(deals.size() / 3)));
                            }
                        });
                    }
                    return null;
                }));
            }
            Future<?> compactions = pool.submit(() -> {
                while (writing.get()) {
                    compaction.compact();
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            compactions.get();
        } finally {
            pool.shutdownNow();
        }
        assertStoredEqualsLive("after concurrent writes, before the last compaction");
        compaction.compact();
        assertStoredEqualsLive("after concurrent writes and the last compaction");
    }

    @Test
    void boardsReadTheStoredTotalsUnlessAFilterNeedsTheDeals() {
        UUID owner = owners.get(0);
        UUID stage = UUID.fromString(DealFixtures.PROPOSAL);
        DealFilter plain = new DealFilter(null, UUID.fromString(DealFixtures.PIPELINE), null, owner, null, null,
                false, null, false);
        DealFilter searching = new DealFilter("anything", plain.pipelineId(), null, owner, null, null, false, null,
                false);
        // A delta without a deal behind it (rolled back below) shows only where the stored totals are read.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into deal_board_total_deltas (pipeline_id, stage_id, currency, owner_id, visible_to_team,
                                                         deals, total)
                    values (:pipeline, :stage, 'TRY', :owner, true, 1, 123)""")
                    .param("pipeline", plain.pipelineId()).param("stage", stage).param("owner", owner).update();
            assertThat(openTotals(admin(), plain)).containsEntry(stage + " TRY", "1 123.0000");
            assertThat(openTotals(admin(), searching)).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(DealQueries.storedTotalsServe(plain)).isTrue();
        assertThat(DealQueries.storedTotalsServe(searching)).isFalse();
        assertThat(DealQueries.storedTotalsServe(new DealFilter("  ", null, null, null, null, null, false, null,
                false))).isTrue();
        assertThat(DealQueries.storedTotalsServe(new DealFilter(null, null, null, null, null, DealStatus.OPEN, false,
                null, false))).isFalse();
        assertThat(DealQueries.storedTotalsServe(new DealFilter(null, null, null, null, null, null, true, null,
                false))).isFalse();
        assertThat(DealQueries.storedTotalsServe(new DealFilter(null, null, null, null, null, null, false,
                java.time.YearMonth.of(2026, 11), false))).isFalse();
        assertThat(DealQueries.storedTotalsServe(new DealFilter(null, null, null, null, null, null, false, null,
                true))).isFalse();
    }

    /**
     * The won and lost columns hold the deals closed since the window's start, that instant included, whose text
     * the cards' and the totals' statements carry ({@link DealQueries#closedSinceLiteral}); open deals show in
     * every stage of the pipeline, read from the pipeline's stage rows.
     */
    @Test
    void wonAndLostColumnsHoldTheDealsClosedSinceTheWindowsStart() {
        UUID pipeline = stagesByPipeline.keySet().stream().skip(1).findFirst().orElseThrow();
        Instant now = Instant.now();
        Instant since = now.truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
        UUID recent = closedDeal(pipeline, "won", now.minus(10, ChronoUnit.DAYS));
        UUID atTheStart = closedDeal(pipeline, "lost", since);
        UUID justBefore = closedDeal(pipeline, "won", since.minusSeconds(1));
        UUID open = closedDeal(pipeline, "open", null);
        DealFilter board = new DealFilter(null, pipeline, null, null, null, null, false, null, false);

        assertThat(queries.boardCards(admin(), board, now, since)).extracting(DealSummary::id)
                .contains(recent, atTheStart, open).doesNotContain(justBefore);
        Map<String, Long> closedCounts = new HashMap<>();
        queries.boardSums(admin(), board, now, since).stream().filter(sum -> sum.rateDate() != null)
                .forEach(sum -> closedCounts.merge(sum.column(), sum.count(), Long::sum));
        assertThat(closedCounts).containsEntry("won", 1L).containsEntry("lost", 1L);
    }

    private UUID closedDeal(UUID pipeline, String status, Instant closedAt) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into deals (id, title, pipeline_id, stage_id, status, value, currency, stage_entered_at,
                                   closed_at, stale_at, owner_id, visible_to_team, search_text, sort_title,
                                   created_at, updated_at)
                values (:id, 'Window deal', :pipeline, :stage, :status, 100, 'TRY', :now, :closedAt, :now, :owner,
                        true, 'window deal', 'window deal', :now, :now)""")
                .param("id", id).param("pipeline", pipeline).param("stage", stagesByPipeline.get(pipeline).get(1))
                .param("status", status).param("closedAt", closedAt == null ? null : Timestamp.from(closedAt))
                .param("now", now).param("owner", owners.get(0)).update();
        return id;
    }

    /** Makes one random change and says which, for the failure message. */
    private String randomChange(Random random, List<UUID> deals) {
        if (deals.isEmpty() || random.nextInt(5) == 0) {
            deals.add(insertDeal(random));
            return "create";
        }
        if (random.nextInt(10) == 0) {
            compaction.compact();
            return "compact";
        }
        UUID deal = deals.get(random.nextInt(deals.size()));
        if (random.nextInt(12) == 0) {
            jdbc.sql("delete from deals where id = :id").param("id", deal).update();
            deals.remove(deal);
            return "delete";
        }
        return changeExisting(random, deal);
    }

    private String changeExisting(Random random, UUID deal) {
        String change = switch (random.nextInt(12)) {
            case 0 -> "stage_id = :stage";
            case 1 -> "pipeline_id = :pipeline, stage_id = :stage";
            case 2 -> "status = 'won', closed_at = now()";
            case 3 -> "status = 'lost', closed_at = now()";
            case 4 -> "status = 'open', closed_at = null";
            case 5 -> "archived_at = now()";
            case 6 -> "archived_at = null";
            case 7 -> "owner_id = :owner";
            case 11 -> "visible_to_team = not visible_to_team";
            case 8 -> "value = :value";
            case 9 -> "currency = :currency";
            default -> "title = title || '!'";
        };
        UUID pipeline = pick(random, List.copyOf(stagesByPipeline.keySet()));
        Map<String, Object> params = new HashMap<>();
        params.put("id", deal);
        if (change.contains(":pipeline")) {
            params.put("pipeline", pipeline);
            params.put("stage", pick(random, stagesByPipeline.get(pipeline)));
        } else if (change.contains(":stage")) {
            UUID current = jdbc.sql("select pipeline_id from deals where id = :id").param("id", deal)
                    .query(UUID.class).single();
            params.put("stage", pick(random, stagesByPipeline.get(current)));
        }
        if (change.contains(":owner")) {
            params.put("owner", pick(random, owners));
        }
        if (change.contains(":value")) {
            params.put("value", randomValue(random));
        }
        if (change.contains(":currency")) {
            params.put("currency", pick(random, CURRENCIES));
        }
        jdbc.sql("update deals set " + change + ", updated_at = now() where id = :id").params(params).update();
        return change;
    }

    private UUID insertDeal(Random random) {
        UUID id = UUID.randomUUID();
        UUID pipeline = pick(random, List.copyOf(stagesByPipeline.keySet()));
        String status = random.nextInt(4) == 0 ? pick(random, List.of("won", "lost")) : "open";
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("pipeline", pipeline);
        params.put("stage", pick(random, stagesByPipeline.get(pipeline)));
        params.put("status", status);
        params.put("value", randomValue(random));
        params.put("currency", pick(random, CURRENCIES));
        params.put("closedAt", status.equals("open") ? null : now);
        params.put("owner", pick(random, owners));
        params.put("team", random.nextBoolean());
        params.put("archivedAt", random.nextInt(8) == 0 ? now : null);
        params.put("now", now);
        jdbc.sql("""
                insert into deals (id, title, pipeline_id, stage_id, status, value, currency, stage_entered_at,
                                   closed_at, stale_at, owner_id, visible_to_team, search_text, sort_title,
                                   archived_at, created_at, updated_at)
                values (:id, 'Board totals deal', :pipeline, :stage, :status, :value, :currency, :now,
                        :closedAt, :now, :owner, :team, 'board totals deal', 'board totals deal',
                        :archivedAt, :now, :now)""").params(params).update();
        return id;
    }

    private void assertStoredEqualsLive(String when) {
        for (VisibilityScope scope : List.of(admin(), rep())) {
            for (UUID pipeline : stagesByPipeline.keySet()) {
                DealFilter team = new DealFilter(null, pipeline, null, null, owners, null, false, null, false);
                assertThat(openTotals(scope, team)).as(when + ", " + scope.role() + ", pipeline " + pipeline)
                        .isEqualTo(liveOpenTotals(scope, team));
                DealFilter oneOwnerOneStage = new DealFilter(null, pipeline, stagesByPipeline.get(pipeline).get(0),
                        owners.get(1), null, null, false, null, false);
                assertThat(openTotals(scope, oneOwnerOneStage)).as(when + ", " + scope.role() + ", owner and stage")
                        .isEqualTo(liveOpenTotals(scope, oneOwnerOneStage));
            }
        }
    }

    /** The board's open column totals as "stage currency" → "count sum". */
    private Map<String, String> openTotals(VisibilityScope scope, DealFilter filter) {
        Instant now = Instant.now();
        Map<String, String> totals = new HashMap<>();
        for (DealQueries.ColumnSum sum : queries.boardSums(scope, filter, now, now.minus(30, ChronoUnit.DAYS))) {
            if (sum.rateDate() == null) {
                totals.put(sum.column() + " " + sum.currency(), sum.count() + " " + scale4(sum.sum()));
            }
        }
        return totals;
    }

    /** The same, summed here over the deals. */
    private Map<String, String> liveOpenTotals(VisibilityScope scope, DealFilter filter) {
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        params.put("pipeline", filter.pipelineId());
        params.put("owners", filter.ownerIds() == null ? new UUID[] {filter.ownerId()}
                : filter.ownerIds().toArray(UUID[]::new));
        String stage = "true";
        if (filter.stageId() != null) {
            stage = "stage_id = :stage";
            params.put("stage", filter.stageId());
        }
        Map<String, String> totals = new HashMap<>();
        jdbc.sql("""
                select stage_id, currency, count(*) as deals, coalesce(sum(value), 0) as total
                  from deals d
                 where %s and pipeline_id = :pipeline and owner_id = any(:owners)
                   and %s and status = 'open' and archived_at is null
                 group by stage_id, currency""".formatted(scope.sqlPredicate("d"), stage))
                .params(params)
                .query(rs -> {
                    totals.put(rs.getString("stage_id") + " " + rs.getString("currency"),
                            rs.getLong("deals") + " " + scale4(rs.getBigDecimal("total")));
                });
        return totals;
    }

    private static String scale4(BigDecimal value) {
        return value.setScale(4, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private VisibilityScope admin() {
        return new VisibilityScope(UUID.randomUUID(), Role.ADMIN, true, true, Set.of(), Set.of(), Set.of());
    }

    /** Sees owner 0's deals and owner 1's own deals fully, owner 2's only when visible to the team. */
    private VisibilityScope rep() {
        return new VisibilityScope(owners.get(0), Role.SALES_REP, false, false, Set.of(owners.get(0), owners.get(1)),
                Set.of(owners.get(2)), Set.of(owners.get(0)));
    }

    private static BigDecimal randomValue(Random random) {
        return random.nextInt(6) == 0 ? null
                : BigDecimal.valueOf(random.nextInt(1_000_000_00), 2).add(BigDecimal.valueOf(random.nextInt(10), 4));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
