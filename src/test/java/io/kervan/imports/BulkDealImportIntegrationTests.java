package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.deals.DealDraft;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The bulk path of deal imports ({@link BulkRows} over {@code DealImports.importBatch}): new deals of a batch are
 * written together — already won or lost where the row says so, dated as in the file — with the rules of
 * creating, winning and losing a deal one at a time; updates still go one row at a time.
 */
@IntegrationTest
class BulkDealImportIntegrationTests {

    private static final String MAPPING = """
            {"recordType": "deals", "mode": "%s", "matchOn": %s, "dateFormat": "dd.MM.yyyy", "decimalComma": true,
             "columns": {"Başlık": "title", "Süreç": "pipeline", "Aşama": "stage", "Durum": "status", "Tutar": "value",
                         "Açılış": "engageDate", "Kapanış": "closeDate", "Kayıp nedeni": "lostReason"}}""";
    private static final String HEADER = "Başlık;Süreç;Aşama;Durum;Tutar;Açılış;Kapanış;Kayıp nedeni\n";
    private static final UUID PRICE = UUID.fromString("01900000-0000-7000-8000-000000000021");
    private static final UUID NEW_BUSINESS = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private static final UUID QUALIFY = UUID.fromString("01900000-0000-7000-8000-000000000011");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DealTarget target;
    @Autowired
    BackgroundUser background;
    @Autowired
    TransactionTemplate transactions;

    ImportFixtures fixtures;
    TestUsers.TestUser rep;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
        tag = ImportFixtures.token();
    }

    @Test
    void newDealsAreWrittenTogetherClosedAndDatedAsTheRowsSayAndEachRefusalFailsAlone() {
        JsonNode job = fixtures.run(rep, HEADER
                + "Açık " + tag + ";Yeni iş;Qualify;;1000;01.03.2024;;\n"
                + "Kazanılan " + tag + ";Yeni iş;Qualify;Kazanıldı;2.500,50;01.03.2024;15.03.2024;\n"
                + "Kaybedilen " + tag + ";Yeni iş;Toplantı;Kaybedildi;700;01.03.2024;20.03.2024;Fiyat\n"
                + "Nedensiz " + tag + ";Yeni iş;Qualify;Kaybedildi;700;;;\n"
                + "Değersiz " + tag + ";Yeni iş;Qualify;Kazanıldı;;;;\n"
                + "Son " + tag + ";Yeni iş;Meeting;;50;;;\n", MAPPING.formatted("create", "null"));

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("created").asLong()).isEqualTo(4);
        assertThat(job.get("failed").asLong()).isEqualTo(2);
        assertThat(fixtures.errors(rep, job.get("id").asString()))
                .contains("5,,,A lost deal needs a lost reason").contains("6,,,A won deal needs a value greater than zero");

        assertThat(deal("Açık")).isEqualTo("open 1000.0000 2024-03-01 2024-03-01 2024-05-30 - -");
        assertThat(deal("Kazanılan")).isEqualTo("won 2500.5000 2024-03-01 2024-03-15 - 2024-03-15 -");
        assertThat(deal("Kaybedilen")).isEqualTo("lost 700.0000 2024-03-01 2024-03-20 - 2024-03-20 " + PRICE);
        assertThat(deal("Son")).startsWith("open 50.0000 " + LocalDate.now());
        assertThat(history("Kazanılan")).containsExactly("open 2024-03-01 -", "won 2024-03-15 " + 14 * 86_400);
        assertThat(history("Kaybedilen")).containsExactly("open 2024-03-01 -", "lost 2024-03-20 " + 19 * 86_400);
        assertThat(jdbc.sql("select distinct record_version from import_rows where import_id = :id")
                .param("id", ImportFixtures.id(job)).query(Long.class).list()).containsExactly(0L);

        String origin = "import:" + job.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select a.changes::text from audit_events a join deals d on d.id = a.record_id
                 where a.origin = :origin and a.action = 'CREATED' order by d.title""")
                .param("origin", origin).query(String.class).list()).hasSize(4)
                .anySatisfy(changes -> assertThat(changes).contains("\"won\"").contains("Qualify"))
                .anySatisfy(changes -> assertThat(changes).contains("\"lost\"").contains("Price")));

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());
        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(jdbc.sql("select count(*) from deals where title like :t").param("t", "%" + tag)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRowThatMatchesADealUpdatesItOneRowAtATimeWhileTheNewOnesGoTogether() {
        fixtures.run(rep, HEADER + "Var " + tag + ";Yeni iş;Qualify;;100;;;\n", MAPPING.formatted("create", "null"));

        JsonNode job = fixtures.run(rep, HEADER + "Var " + tag + ";Yeni iş;Qualify;;200;;;\n"
                + "Yeni " + tag + ";Yeni iş;Qualify;;300;;;\n", MAPPING.formatted("upsert", "\"title\""));

        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(deal("Var")).startsWith("open 200.0000");
        assertThat(deal("Yeni")).startsWith("open 300.0000");
    }

    @Test
    void aDealCreatedRowByRowIsStoredAsTheBulkPathStoresIt() {
        // The row-by-row path is what a batch falls back to when the database refuses it as a whole.
        DealDraft draft = new DealDraft("Tek " + tag, NEW_BUSINESS, QUALIFY, new BigDecimal("900"), null, null, null,
                List.of(), null, null, null, null);
        background.runAs(rep.id(), () -> transactions.execute(status -> target.create(
                new DealTarget.DealRow(draft, "won", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 15), null), null)));

        assertThat(deal("Tek")).isEqualTo("won 900.0000 2024-03-01 2024-03-15 - 2024-03-15 -");
        assertThat(history("Tek")).containsExactly("open 2024-03-01 -", "won 2024-03-15 " + 14 * 86_400);
    }

    /** status value created entered stale(open only) closed reason, dates in UTC. */
    private String deal(String prefix) {
        return jdbc.sql("""
                select status || ' ' || value || ' ' || to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') || ' '
                       || to_char(stage_entered_at at time zone 'UTC', 'YYYY-MM-DD') || ' '
                       || case when status = 'open' then to_char(stale_at at time zone 'UTC', 'YYYY-MM-DD') else '-' end
                       || ' ' || coalesce(to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD'), '-') || ' '
                       || coalesce(lost_reason_id::text, '-')
                  from deals where title = :t""").param("t", prefix + " " + tag).query(String.class).single();
    }

    private List<String> history(String prefix) {
        return jdbc.sql("""
                select h.to_status || ' ' || to_char(h.moved_at at time zone 'UTC', 'YYYY-MM-DD') || ' '
                       || coalesce(h.seconds_in_previous::text, '-')
                  from deal_stage_history h join deals d on d.id = h.deal_id
                 where d.title = :t order by h.moved_at""").param("t", prefix + " " + tag).query(String.class).list();
    }
}
