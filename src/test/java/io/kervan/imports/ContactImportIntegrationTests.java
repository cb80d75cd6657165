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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ContactImportIntegrationTests {

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

    long contactsWithEmail(String email) {
        return jdbc.sql("select count(*) from contact_emails where email = :e").param("e", email).query(Long.class)
                .single();
    }

    String mapping(String mode, String matchOn, boolean dryRun) {
        return """
                {"recordType": "contacts", "mode": "%s", "matchOn": %s, "encoding": "auto", "delimiter": "auto",
                 "columns": {"Ad": "firstName", "Soyad": "lastName", "E-posta": "email", "Telefon": "phone",
                             "Şehir": "city"},
                 "dryRun": %s}""".formatted(mode, matchOn == null ? "null" : "\"" + matchOn + "\"", dryRun);
    }

    String csv() {
        return """
                Ad;Soyad;E-posta;Telefon;Şehir
                Ayşe;Yılmaz;ayse.%1$s@example.com;0532 111 22 33;İzmir
                Çağla;Öztürk;cagla.%1$s@example.com;0532 111 22 34;Muğla
                Bad;Row;not-an-email;0532 111 22 35;Ankara
                Ayşe;Again;AYSE.%1$s@example.com;0532 111 22 36;İzmir
                """.formatted(tag);
    }

    @Test
    void dryRunReportsEveryRowProblemWithoutWritingAndTheRealRunImportsTheGoodRows() {
        JsonNode dry = fixtures.run(rep, csv(), mapping("create", null, true));

        assertThat(dry.get("status").asString()).isEqualTo("completed");
        assertThat(dry.get("totalRows").asLong()).isEqualTo(4);
        assertThat(dry.get("created").asLong()).isEqualTo(2);
        assertThat(dry.get("failed").asLong()).isEqualTo(1);
        assertThat(dry.get("skipped").asLong()).isEqualTo(1);
        assertThat(contactsWithEmail("ayse." + tag + "@example.com")).isZero();
        String errors = fixtures.errors(rep, dry.get("id").asString());
        assertThat(errors).startsWith("\uFEFFrow,column,value,message");
        assertThat(errors).contains("4,E-posta,not-an-email,").contains("5,E-posta,AYSE." + tag + "@example.com,")
                .contains("row 2");

        JsonNode real = fixtures.run(rep, csv(), mapping("create", null, false));

        assertThat(real.get("status").asString()).isEqualTo("completed");
        assertThat(real.get("created").asLong()).isEqualTo(2);
        assertThat(real.get("processedRows").asLong()).isEqualTo(4);
        assertThat(real.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(contactsWithEmail("ayse." + tag + "@example.com")).isEqualTo(1);
        assertThat(jdbc.sql("select city from contacts c join contact_emails e on e.contact_id = c.id where e.email = :e")
                .param("e", "cagla." + tag + "@example.com").query(String.class).single()).isEqualTo("Muğla");
        // The audit row is written by an asynchronous listener after the import's transaction commits.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from audit_events a join contact_emails e on e.contact_id = a.record_id
                 where e.email = :e and a.action = 'CREATED' and a.origin = :origin""")
                .param("e", "ayse." + tag + "@example.com").param("origin", "import:" + real.get("id").asString())
                .query(Long.class).single()).isEqualTo(1));
    }

    /**
     * An import that gives records to someone else rings their bell once for the whole import, not once per record,
     * and the notification is stored with the batch (the notifier reads a bulk change inside its transaction). A dry
     * run notifies nobody.
     */
    @Test
    void contactsImportedForSomeoneElseNotifyThemOnceWithTheBatchAndADryRunNotifiesNobody() {
        TestUsers.TestUser admin = fixtures.user(Role.ADMIN);
        String file = "Ad,Soyad,E-posta,Sorumlu\nLeyla,Şahin,leyla." + tag + "@example.com," + rep.email()
                + "\nOrhan,Işık,orhan." + tag + "@example.com," + admin.email()
                + "\nNur,Öztürk,nur." + tag + "@example.com," + rep.email() + "\n";
        String mapping = """
                {"recordType": "contacts", "mode": "create", "columns": {"Ad": "firstName", "Soyad": "lastName",
                 "E-posta": "email", "Sorumlu": "owner"}, "dryRun": %s}""";

        fixtures.run(admin, file, mapping.formatted(true));
        assertThat(assignedTo(rep)).isEmpty();

        JsonNode real = fixtures.run(admin, file, mapping.formatted(false));

        assertThat(real.get("created").asLong()).isEqualTo(3);
        assertThat(assignedTo(rep)).containsExactly("Contacts from an import → /contacts");
        assertThat(assignedTo(admin)).isEmpty();
    }

    private List<String> assignedTo(TestUsers.TestUser user) {
        return jdbc.sql("select title || ' → ' || link from notifications where user_id = :u and kind = 'recordAssigned'")
                .param("u", user.id()).query(String.class).list();
    }

    @Test
    void upsertOnEmailUpdatesTheMatchingContactAndUndoRestoresIt() {
        String email = "mehmet." + tag + "@example.com";
        fixtures.run(rep, "Ad,Soyad,E-posta,Telefon,Şehir\nMehmet,Kaya," + email + ",,Bursa\n",
                mapping("create", null, false));

        JsonNode upsert = fixtures.run(rep, "Ad,Soyad,E-posta,Telefon,Şehir\nMehmet,Kaya," + email.toUpperCase()
                + ",,Eskişehir\nYeni,Kişi,yeni." + tag + "@example.com,,Van\n", mapping("upsert", "email", false));

        assertThat(upsert.get("updated").asLong()).isEqualTo(1);
        assertThat(upsert.get("created").asLong()).isEqualTo(1);
        assertThat(cityOf(email)).isEqualTo("Eskişehir");

        JsonNode undone = fixtures.undo(rep, upsert.get("id").asString());

        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(cityOf(email)).isEqualTo("Bursa");
        assertThat(contactsWithEmail("yeni." + tag + "@example.com")).isZero();
    }

    @Test
    void undoKeepsRecordsChangedSinceAndListsThem() {
        String email = "zeynep." + tag + "@example.com";
        JsonNode job = fixtures.run(rep, "Ad,E-posta\nZeynep," + email + "\nOther," + "other." + tag
                + "@example.com\n", """
                {"recordType": "contacts", "columns": {"Ad": "firstName", "E-posta": "email"}}""");
        jdbc.sql("""
                update contacts set city = 'Rize', version = version + 1
                 where id = (select contact_id from contact_emails where email = :e)""").param("e", email).update();

        fixtures.undo(rep, job.get("id").asString());

        assertThat(contactsWithEmail(email)).isEqualTo(1);
        assertThat(contactsWithEmail("other." + tag + "@example.com")).isZero();
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("Changed since the import").contains(",undo");
    }

    @Test
    void aBadMappingIsRefusedAtOnceAndAnotherUsersImportIsNotFound() {
        MvcTestResult refused = fixtures.post(rep, "Ad,E-posta\nA,a@b.com\n", """
                {"recordType": "contacts", "columns": {"Nope": "firstName"}}""");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");

        JsonNode job = fixtures.run(rep, "Ad\nSolo" + tag + "\n", """
                {"recordType": "contacts", "columns": {"Ad": "firstName"}}""");
        TestUsers.TestUser other = fixtures.user(Role.SALES_REP);
        assertThat(mvc.get().uri("/api/v1/imports/" + job.get("id").asString()).header("Authorization", other.bearer())
                .exchange()).hasStatus(404);
    }

    String cityOf(String email) {
        List<String> cities = jdbc.sql("select city from contacts c join contact_emails e on e.contact_id = c.id where e.email = :e")
                .param("e", email).query(String.class).list();
        assertThat(cities).hasSize(1);
        return cities.get(0);
    }
}
