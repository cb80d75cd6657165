package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The bulk path of lead imports ({@link BulkRows} over {@code LeadImports.importBatch}): the leads of a batch are
 * created and updated together with the rules of creating and updating one.
 */
@IntegrationTest
class BulkLeadImportIntegrationTests {

    private static final String MAPPING = """
            {"recordType": "leads", "mode": "%s", "matchOn": %s,
             "columns": {"Ad": "firstName", "Firma": "companyName", "E-posta": "email", "Telefon": "phone",
                         "Kaynak": "source", "Durum": "status", "Not": "notes"}}""";
    private static final String HEADER = "Ad;Firma;E-posta;Telefon;Kaynak;Durum;Not\n";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

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
    void newLeadsAreWrittenTogetherAsCreatingEachWouldAndEachRefusalFailsAlone() {
        JsonNode job = fixtures.run(rep, HEADER
                + "Şule;Işık Tarım;Sule@" + tag + ".example;0532 111 22 33;web_form;;" + tag + "\n"
                + "Kötü;;;;no_such_source;;" + tag + "\n"
                + ";;;;;;" + tag + "\n"
                + "Reddedilen;;;;;disqualified;" + tag + "\n"
                + "Son;;;;;qualified;" + tag + "\n", MAPPING.formatted("create", "null"));

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select first_name || ' ' || company_name || ' ' || email || ' ' || phone || ' ' || source_key || ' '
                       || status || ' ' || (owner_id = :rep) || ' ' || version from leads where notes = :tag
                   and first_name = 'Şule'""").param("tag", tag).param("rep", rep.id()).query(String.class).single())
                .isEqualTo("Şule Işık Tarım sule@" + tag + ".example +905321112233 web_form new true 0");
        assertThat(jdbc.sql("select status from leads where notes = :tag and first_name = 'Son'").param("tag", tag)
                .query(String.class).single()).isEqualTo("qualified");

        String origin = "import:" + job.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select a.changes::text from audit_events a where a.origin = :origin and a.action = 'CREATED'""")
                .param("origin", origin).query(String.class).list()).hasSize(2)
                .anySatisfy(changes -> assertThat(changes).contains("Işık Tarım").contains("web_form")));

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());
        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(jdbc.sql("select count(*) from leads where notes = :tag").param("tag", tag).query(Long.class)
                .single()).isZero();
    }

    @Test
    void upsertOnEmailUpdatesAndCreatesInOneBatchAndAConvertedLeadStaysAsItIs() {
        fixtures.run(rep, HEADER + "Eski;;eski@" + tag + ".example;;;;" + tag + "\nDönüşen;;donusen@" + tag
                + ".example;;;;" + tag + "\n", MAPPING.formatted("create", "null"));
        jdbc.sql("update leads set converted_at = now() where email = :e").param("e", "donusen@" + tag + ".example")
                .update();

        JsonNode job = fixtures.run(rep, HEADER + "Eski;Yeni Firma;ESKI@" + tag + ".example;;;contacted;" + tag
                + "\nYeni;;yeni@" + tag + ".example;;;;" + tag + "\nDönüşen;Başka;donusen@" + tag + ".example;;;;" + tag
                + "\n", MAPPING.formatted("upsert", "\"email\""));

        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        assertThat(fixtures.errors(rep, job.get("id").asString()))
                .contains("4,,,This lead was converted already; change the contact instead");
        assertThat(jdbc.sql("""
                select first_name || ' ' || coalesce(company_name, '-') || ' ' || status || ' '
                       || (first_response_at is not null) || ' ' || version
                  from leads where notes = :tag order by first_name""").param("tag", tag).query(String.class).list())
                .isEqualTo(List.of("Dönüşen - new false 0", "Eski Yeni Firma contacted true 1", "Yeni - new false 0"));
        String origin = "import:" + job.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select a.changes::text from audit_events a where a.origin = :origin and a.action = 'UPDATED'""")
                .param("origin", origin).query(String.class).single()).contains("Yeni Firma").contains("contacted")
                .contains("firstResponseAt"));
    }
}
