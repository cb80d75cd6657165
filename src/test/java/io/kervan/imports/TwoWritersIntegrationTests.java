package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two batches of a contact import written at once on two connections ({@link TwoWriters}, ADR 13): the outcome is
 * what writing them one after the other gives, a lock the first batch waits for in the second does not hang the
 * import, and nothing of the second is kept when the first fails. (A crash or a cancel between the two commits is
 * covered by {@code ImportResumeIntegrationTests} and {@code ImportCancelIntegrationTests}, whose files span
 * several batches written this way.)
 */
@IntegrationTest
class TwoWritersIntegrationTests {

    /** A batch's first row and whether it was written while the batch before it was still open. */
    record Write(long firstRow, boolean alongside) {
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportJobRepository jobs;

    final List<Write> writes = new CopyOnWriteArrayList<>();
    TestUsers.TestUser rep;
    String tag;

    @BeforeEach
    void setUp() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        tag = ImportFixtures.token();
    }

    @AfterEach
    void oneWriterHookless() {
        runner.writers(2, (firstRow, alongside) -> { });
    }

    String email(String name) {
        return name + "." + tag + "@example.com";
    }

    @Test
    void batchesWrittenAtOnceEndAsTheyWouldOneAfterTheOther() {
        StringBuilder existing = new StringBuilder("Ad,E-posta,E-posta 2,Şehir\n");
        for (int i = 0; i < 10; i++) {
            // the same words as the rows below, so that no batch adds a search word the other waits for
            existing.append("Kişi").append(i).append(',').append(email("var" + i)).append(",,Yeni\n");
        }
        UUID first = run(existing.toString(), "create", 2);
        assertThat(jobs.find(first).orElseThrow().created()).isEqualTo(10);

        StringBuilder csv = new StringBuilder("Ad,E-posta,E-posta 2,Şehir\n");
        for (int i = 0; i < 2_000; i++) {
            // row numbers: data row i is file row i + 2; batches of 500 start at rows 2, 502, 1002, 1502
            String name = "Kişi" + i;
            String address = switch (i) {
                case 300 -> email("tekrar");
                case 700 -> email("ortak"); // batch 2 meets the second address of row 102 (batch 1): an update
                case 800 -> email("tekrar"); // batch 2 repeats row 302 (batch 1): skipped
                case 900 -> email("var5"); // batch 2 updates an existing contact
                case 1600 -> email("var3"); // batch 4 updates an existing contact, nothing else shared
                default -> email("k" + i);
            };
            String second = i == 100 ? email("ortak") : "";
            csv.append(name).append(',').append(address).append(',').append(second).append(",Yeni\n");
        }
        runner.writers(2, (firstRow, alongside) -> {
            writes.add(new Write(firstRow, alongside));
            if (firstRow == 2 || firstRow == 1_002) {
                // keeps batch 1 open while batch 2 decides, and batch 3 (which waited for batch 2) while batch 4 does
                pause(1_000);
            }
        });

        UUID id = run(csv.toString(), "upsert", 2);

        ImportJob job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(job.processedRows()).isEqualTo(2_000);
        assertThat(job.created()).isEqualTo(2_000 - 4);
        assertThat(job.updated()).isEqualTo(3);
        assertThat(job.skipped()).isEqualTo(1);
        assertThat(outcome(id, 702)).isEqualTo("updated");
        assertThat(outcome(id, 902)).isEqualTo("updated");
        assertThat(outcome(id, 802)).isNull(); // a repeat leaves no row to undo
        assertThat(outcome(id, 1_602)).isEqualTo("updated");
        assertThat(contactsWith(email("ortak"))).isEqualTo(1);
        assertThat(contactsWith(email("k100"))).isEqualTo(1);
        assertThat(jdbc.sql("""
                select c.first_name from contacts c join contact_emails e on e.contact_id = c.id where e.email = :e""")
                .param("e", email("ortak")).query(String.class).single()).isEqualTo("Kişi700");
        assertThat(contactsWithTag()).isEqualTo(10 + 2_000 - 4);
        assertThat(writes).contains(new Write(502, false), new Write(1_002, false), new Write(1_502, true));
    }

    @Test
    void aSecondBatchHoldingALockTheFirstWaitsForYieldsInsteadOfHangingTheImport() {
        String word = newWord();
        StringBuilder csv = new StringBuilder("Ad,Soyad,E-posta\n");
        for (int i = 0; i < 1_000; i++) {
            String last = i == 0 || i == 500 ? word : "Soyad";
            csv.append("Kişi").append(i).append(',').append(last).append(',').append(email("k" + i)).append('\n');
        }
        runner.writers(2, (firstRow, alongside) -> {
            writes.add(new Write(firstRow, alongside));
            if (firstRow == 2) {
                pause(1_500); // batch 2 inserts the new search word first; batch 1 then waits for it
            }
        });

        UUID id = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> run(csv.toString(), "create", 2));

        ImportJob job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(job.created()).isEqualTo(1_000);
        assertThat(contactsWithTag()).isEqualTo(1_000);
        assertThat(writes).containsSubsequence(new Write(502, true), new Write(502, false));
        assertThat(jdbc.sql("select count(*) from search_words where word = :w").param("w", word)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whenTheFirstBatchFailsTheSecondWrittenAlongsideIsRolledBack() {
        StringBuilder csv = new StringBuilder("Ad,E-posta\n");
        for (int i = 0; i < 1_000; i++) {
            csv.append("Kişi").append(i).append(',').append(email("k" + i)).append('\n');
        }
        runner.writers(2, (firstRow, alongside) -> {
            writes.add(new Write(firstRow, alongside));
            if (firstRow == 2) {
                pause(1_500);
                throw new IllegalStateException("the database went away");
            }
        });

        UUID id = run(csv.toString(), "create", 2);

        ImportJob job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.processedRows()).isZero();
        assertThat(writes).contains(new Write(502, true));
        assertThat(contactsWithTag()).isZero();
        assertThat(jdbc.sql("select count(*) from import_rows where import_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    UUID run(String csv, String mode, int writers) {
        if (writers == 1) {
            runner.writers(1, (firstRow, alongside) -> { });
        }
        UUID id = Ids.newId();
        Map<String, String> fields = Map.of("Ad", "firstName", "Soyad", "lastName", "E-posta", "email", "E-posta 2",
                "email2", "Şehir", "city");
        Map<String, String> columns = new java.util.HashMap<>();
        for (String column : csv.substring(0, csv.indexOf('\n')).split(",")) {
            columns.put(column, fields.get(column));
        }
        jobs.insert(id, rep.id(), "two.csv", "csv", new ImportMapping("contacts", mode, "email", null, null, null,
                columns, Map.of(), null, false, false), ImportStatus.QUEUED);
        jobs.storeFile(id, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1 << 24);
        runner.run(id);
        return id;
    }

    String outcome(UUID id, long row) {
        return jdbc.sql("select outcome from import_rows where import_id = :id and row_number = :row")
                .param("id", id).param("row", row).query(String.class).optional().orElse(null);
    }

    long contactsWith(String email) {
        return jdbc.sql("select count(*) from contact_emails where email = :e").param("e", email)
                .query(Long.class).single();
    }

    long contactsWithTag() {
        return jdbc.sql("select count(distinct contact_id) from contact_emails where email like :p")
                .param("p", "%." + tag + "@example.com").query(Long.class).single();
    }

    /** A word of letters only (lower case, as the vocabulary keeps it) that no search text holds yet. */
    static String newWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
