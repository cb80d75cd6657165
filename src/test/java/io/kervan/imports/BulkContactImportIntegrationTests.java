package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.shared.Ids;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The bulk path of contact imports ({@link BulkRows} over {@code ContactImports.importBatch}): a batch is
 * written together, yet every row still ends on its own — created, updated, skipped or failed — with the
 * audit trail, undo and the checkpoint as row by row.
 */
@IntegrationTest
class BulkContactImportIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportJobRepository jobs;

    ImportFixtures fixtures;
    TestUsers.TestUser rep;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
        tag = ImportFixtures.token();
    }

    @AfterEach
    void disarm() {
        BatchCrash.disarm();
        runner.afterEachBatch(processed -> { });
    }

    static String mapping(String mode, String extraColumns) {
        return """
                {"recordType": "contacts", "mode": "%s", "matchOn": "email",
                 "columns": {"Ad": "firstName", "E-posta": "email", "Şehir": "city"%s}}""".formatted(mode, extraColumns);
    }

    String email(String name) {
        return name + "." + tag + "@example.com";
    }

    @Test
    void upsertByEmailInOneBatchCreatesUpdatesSkipsAndFailsEachRowOnItsOwn() {
        fixtures.run(rep, "Ad,E-posta,Şehir\nAyşe," + email("ayse") + ",Bursa\nMehmet," + email("mehmet") + ",Van\n",
                mapping("create", ""));

        JsonNode job = fixtures.run(rep, "Ad,E-posta,Şehir\n"
                + "Ayşe," + email("AYSE") + ",Eskişehir\n" // 2: updated (e-mail matched case-insensitively)
                + "Mehmet," + email("mehmet") + ",Van\n" // 3: unchanged
                + "Yeni," + email("yeni") + ",İzmir\n" // 4: created
                + "Kötü,not-an-email,Rize\n" // 5: refused by the contact's rules, alone
                + "Uzun" + "n".repeat(120) + "," + email("uzun") + ",Muş\n" // 6: first name too long, alone
                + "Yeni2," + email("yeni") + ",Ordu\n" // 7: repeats row 4
                + "Son," + email("son") + ",Kars\n", // 8: created after the failures
                mapping("upsert", ""));

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("skipped").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isEqualTo(2);
        assertThat(cityOf(email("ayse"))).isEqualTo("Eskişehir");
        assertThat(cityOf(email("yeni"))).isEqualTo("İzmir");
        assertThat(cityOf(email("son"))).isEqualTo("Kars");
        assertThat(contacts(email("uzun"))).isZero();
        String errors = fixtures.errors(rep, job.get("id").asString());
        assertThat(errors).contains("3,,,").contains("5,E-posta,not-an-email,").contains("6,Ad,Uzun")
                .contains("7,E-posta," + email("yeni") + ",").contains("row 4");
        assertThat(jdbc.sql("select outcome from import_rows where import_id = :id order by row_number")
                .param("id", ImportFixtures.id(job)).query(String.class).list())
                .containsExactly("updated", "skipped", "created", "created");

        String origin = "import:" + job.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select a.action from audit_events a where a.origin = :origin order by a.action""")
                .param("origin", origin).query(String.class).list()).containsExactly("CREATED", "CREATED", "UPDATED"));
        assertThat(jdbc.sql("""
                select a.changes::text from audit_events a join contact_emails e on e.contact_id = a.record_id
                 where e.email = :e and a.origin = :origin""").param("e", email("ayse")).param("origin", origin)
                .query(String.class).single()).contains("Bursa").contains("Eskişehir");
    }

    @Test
    void undoAfterABulkImportRemovesWhatItCreatedRestoresWhatItUpdatedAndKeepsWhatChangedSince() {
        fixtures.run(rep, "Ad,E-posta,Şehir\nAyşe," + email("ayse") + ",Bursa\n", mapping("create", ""));
        JsonNode job = fixtures.run(rep, "Ad,E-posta,Şehir\nAyşe," + email("ayse") + ",Eskişehir\nYeni,"
                + email("yeni") + ",İzmir\nEdited," + email("edited") + ",Van\n", mapping("upsert", ""));
        jdbc.sql("""
                update contacts set city = 'Rize', version = version + 1
                 where id = (select contact_id from contact_emails where email = :e)""").param("e", email("edited"))
                .update();

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());

        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(cityOf(email("ayse"))).isEqualTo("Bursa");
        assertThat(contacts(email("yeni"))).isZero();
        assertThat(cityOf(email("edited"))).isEqualTo("Rize");
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("Changed since the import");
    }

    @Test
    void undoRemovesTheCreatedContactsInOneGoAndKeepsThoseChangedSinceOrGone() {
        TestUsers.TestUser other = fixtures.user(Role.SALES_REP);
        JsonNode job = fixtures.run(rep, "Ad,E-posta,Şehir\nA," + email("a") + ",Van\nB," + email("b") + ",Muş\nC,"
                + email("c") + ",Rize\nD," + email("d") + ",Kars\n", mapping("create", ""));
        jdbc.sql("""
                update contacts set city = 'Ordu', version = version + 1
                 where id = (select contact_id from contact_emails where email = :e)""").param("e", email("c")).update();
        jdbc.sql("""
                update contacts set owner_id = :other, visible_to_team = false
                 where id = (select contact_id from contact_emails where email = :e)""").param("e", email("d"))
                .param("other", other.id()).update();

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());

        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(contacts(email("a")) + contacts(email("b"))).isZero();
        assertThat(cityOf(email("c"))).isEqualTo("Ordu");
        assertThat(contacts(email("d"))).isEqualTo(1);
        assertThat(fixtures.errors(rep, job.get("id").asString()))
                .contains("4,,", "Changed since the import; kept as it is.")
                .contains("5,,", "No longer exists.");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from audit_events where origin = :origin and action = 'DELETED'""")
                .param("origin", "import:" + job.get("id").asString()).query(Long.class).single()).isEqualTo(2));
    }

    @Test
    void undoKeepsAContactADealRefersToAndStillRemovesTheOthersOfItsRun() {
        JsonNode job = fixtures.run(rep, "Ad,E-posta,Şehir\nA," + email("a") + ",Van\nB," + email("b") + ",Muş\nC,"
                + email("c") + ",Rize\n", mapping("create", ""));
        UUID b = jdbc.sql("select contact_id from contact_emails where email = :e").param("e", email("b"))
                .query(UUID.class).single();
        assertThat(mvc.post().uri("/api/v1/deals").header("Authorization", rep.bearer()).contentType("application/json")
                .content("{\"title\": \"Deal " + tag + "\", \"contactIds\": [\"" + b + "\"]}").exchange()).hasStatus(201);

        JsonNode undone = fixtures.undo(rep, job.get("id").asString());

        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(contacts(email("a")) + contacts(email("c"))).isZero();
        assertThat(contacts(email("b"))).isEqualTo(1);
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("3,,", "Other records refer to it; kept.");
    }

    @Test
    void aDatabaseConflictInsideABatchFailsOnlyItsRowAndTheRestOfTheBatchIsImported() {
        // Two new contacts claiming one external id: the unique index refuses the batch, which then goes row by row.
        JsonNode job = fixtures.run(rep, "Ad,E-posta,Şehir,Kod\nA," + email("a") + ",Van,X-" + tag + "\nB," + email("b")
                + ",Muş,Y-" + tag + "\nC," + email("c") + ",Rize,X-" + tag + "\n",
                mapping("upsert", ", \"Kod\": \"externalId\""));

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        assertThat(contacts(email("a"))).isEqualTo(1);
        assertThat(contacts(email("b"))).isEqualTo(1);
        assertThat(contacts(email("c"))).isZero();
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("4,");
    }

    @Test
    void twoRowsMatchingOneContactByDifferentEmailsUpdateItOneAfterTheOther() {
        fixtures.run(rep, "Ad,E-posta,E-posta 2,Şehir\nAyşe," + email("is") + "," + email("ev") + ",Bursa\n", """
                {"recordType": "contacts", "mode": "create",
                 "columns": {"Ad": "firstName", "E-posta": "email", "E-posta 2": "email2", "Şehir": "city"}}""");

        JsonNode job = fixtures.run(rep, "Ad,E-posta,Şehir\nAyşe," + email("is") + ",Van\nAyşe," + email("ev")
                + ",Kars\n", mapping("update", ""));

        assertThat(job.get("updated").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(cityOf(email("is"))).isEqualTo("Kars");
    }

    @Test
    void resumesAfterACrashInTheMiddleOfABulkBatchWithoutImportingAnyRowTwice() {
        StringBuilder csv = new StringBuilder("Ad,E-posta\n");
        int rows = 1_200;
        for (int i = 0; i < rows; i++) {
            csv.append("Kişi").append(i).append(',').append(email("k" + i)).append('\n');
        }
        csv.append("Tekrar,").append(email("k3")).append('\n');
        UUID id = Ids.newId();
        ImportMapping mapping = new ImportMapping("contacts", "upsert", "email", null, null, null,
                Map.of("Ad", "firstName", "E-posta", "email"), Map.of(), null, false, false);
        jobs.insert(id, rep.id(), "crash.csv", "csv", mapping, ImportStatus.QUEUED);
        jobs.storeFile(id, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 24);

        // the second batch (rows 500 to 999) dies after writing its contacts, before committing
        BatchCrash.armFor(batch -> batch.changes().stream().flatMap(change -> change.changes().stream())
                .anyMatch(field -> "Kişi500".equals(field.newValue())));
        assertThatThrownBy(() -> runner.run(id)).isInstanceOf(BatchCrash.SimulatedCrash.class);
        ImportJob crashed = jobs.find(id).orElseThrow();
        assertThat(crashed.processedRows()).isEqualTo(500);
        assertThat(imported()).isEqualTo(500);

        runner.run(id);

        ImportJob resumed = jobs.find(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(resumed.created()).isEqualTo(rows);
        assertThat(resumed.skipped()).isEqualTo(1);
        assertThat(imported()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(distinct email) from contact_emails where email like :p")
                .param("p", "k%." + tag + "@example.com").query(Long.class).single()).isEqualTo(rows);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from audit_events where origin = :origin").param("origin", "import:" + id)
                .query(Long.class).single()).isEqualTo(rows));
    }

    long imported() {
        return jdbc.sql("select count(*) from contact_emails where email like :p")
                .param("p", "k%." + tag + "@example.com").query(Long.class).single();
    }

    long contacts(String email) {
        return jdbc.sql("select count(*) from contact_emails where email = :e").param("e", email).query(Long.class)
                .single();
    }

    String cityOf(String email) {
        List<String> cities = jdbc.sql("""
                select city from contacts c join contact_emails e on e.contact_id = c.id where e.email = :e""")
                .param("e", email).query(String.class).list();
        assertThat(cities).hasSize(1);
        return cities.get(0);
    }
}
