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
 * The bulk path of company imports ({@link BulkRows} over {@code CompanyImports.importBatch}): the companies of a
 * batch are created and updated together with the rules of creating and updating one.
 */
@IntegrationTest
class BulkCompanyImportIntegrationTests {

    private static final String MAPPING = """
            {"recordType": "companies", "mode": "%s", "matchOn": %s,
             "columns": {"Firma": "name", "Vergi No": "taxNumber", "E-posta": "email", "Şehir": "city",
                         "Etiketler": "tags", "Kod": "externalId"}}""";
    private static final String HEADER = "Firma;Vergi No;E-posta;Şehir;Etiketler;Kod\n";

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
    void newCompaniesAreWrittenTogetherAsCreatingEachWouldAndEachRefusalFailsAlone() {
        JsonNode job = fixtures.run(rep, HEADER
                + "Çağlar Gıda " + tag + ";123 456 7890;Bilgi@Caglar.example;İzmir;gıda, ihracat;K1-" + tag + "\n"
                + "Kötü Posta " + tag + ";;not-an-email;Van;;\n"
                + "Ünlü Tekstil " + tag + ";;;Bursa;;\n"
                + "X".repeat(201) + ";;;Muş;;\n"
                + "Son Ltd " + tag + ";;;Kars;;\n", MAPPING.formatted("create", "null"));

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("created").asLong()).isEqualTo(3);
        assertThat(job.get("failed").asLong()).isEqualTo(2);
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("3,E-posta,not-an-email,")
                .contains("5,Firma,XXX");
        assertThat(jdbc.sql("""
                select tax_number || ' ' || email || ' ' || city || ' ' || array_to_string(tags, '|') || ' '
                       || external_source || ':' || external_id || ' ' || (owner_id = :rep) || ' ' || version
                  from companies where name = :n""").param("n", "Çağlar Gıda " + tag).param("rep", rep.id())
                .query(String.class).single())
                .isEqualTo("1234567890 bilgi@caglar.example İzmir gıda|ihracat import:K1-" + tag + " true 0");
        assertThat(jdbc.sql("select count(*) from companies where name like :n").param("n", "%" + tag)
                .query(Long.class).single()).isEqualTo(3);

        String origin = "import:" + job.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select a.changes::text from audit_events a where a.origin = :origin and a.action = 'CREATED'""")
                .param("origin", origin).query(String.class).list()).hasSize(3)
                .anySatisfy(changes -> assertThat(changes).contains("Çağlar Gıda").contains("1234567890")));
        // found by the typo vocabulary and the search text as a company created alone would be
        assertThat(jdbc.sql("select count(*) from companies where search_text like :t and name like :n")
                .param("t", "%caglar gida%").param("n", "%" + tag).query(Long.class).single()).isEqualTo(1);

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());
        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(jdbc.sql("select count(*) from companies where name like :n").param("n", "%" + tag)
                .query(Long.class).single()).isZero();
    }

    @Test
    void upsertOnTaxNumberUpdatesAndCreatesInOneBatchAndARowMatchingAnotherRepsHiddenCompanyFails() {
        TestUsers.TestUser other = fixtures.user(Role.SALES_REP);
        fixtures.run(rep, HEADER + "Eski " + tag + ";111 222 3333;;Ankara;;\n", MAPPING.formatted("create", "null"));
        fixtures.run(other, HEADER + "Başkası " + tag + ";444 555 6666;;Van;;\n", MAPPING.formatted("create", "null"));
        jdbc.sql("update companies set visible_to_team = false where name = :n").param("n", "Başkası " + tag).update();

        JsonNode job = fixtures.run(rep, HEADER + "Eski " + tag + ";1112223333;;Eskişehir;;\nYeni " + tag
                + ";999 888 7777;;Rize;;\nBaşkası " + tag + ";4445556666;;Muş;;\n",
                MAPPING.formatted("upsert", "\"taxNumber\""));

        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("4,,,The matching record is not visible to you.");
        assertThat(jdbc.sql("select name || ' ' || city || ' ' || version from companies where name like :n"
                + " order by name, city").param("n", "%" + tag).query(String.class).list())
                .isEqualTo(List.of("Başkası " + tag + " Van 0", "Eski " + tag + " Eskişehir 1", "Yeni " + tag + " Rize 0"));
        String origin = "import:" + job.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select a.changes::text from audit_events a where a.origin = :origin and a.action = 'UPDATED'""")
                .param("origin", origin).query(String.class).single()).contains("Ankara").contains("Eskişehir"));

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());
        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(jdbc.sql("select name || ' ' || city from companies where name like :n order by name")
                .param("n", "%" + tag).query(String.class).list())
                .isEqualTo(List.of("Başkası " + tag + " Van", "Eski " + tag + " Ankara"));
    }
}
