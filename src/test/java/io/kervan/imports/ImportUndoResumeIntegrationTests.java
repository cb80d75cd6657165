package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.shared.Ids;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The undo of a large import runs in the background; a node that dies after its first batch leaves the job
 * {@code undoing} with its checkpoint, and the revived undo finishes without reverting any row twice (a
 * second revert of a deleted contact would be listed as "gone").
 */
@IntegrationTest
class ImportUndoResumeIntegrationTests {

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportUndoRunner undoRunner;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvcTester mvc;

    @AfterEach
    void noMoreCrashes() {
        undoRunner.afterEachBatch(reverted -> { });
    }

    @Test
    void resumesAfterACrashMidUndoWithoutRevertingAnyRowTwice() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        String tag = ImportFixtures.token();
        StringBuilder csv = new StringBuilder("Ad,E-posta\n");
        int rows = 600;
        for (int i = 0; i < rows; i++) {
            csv.append("Geri").append(i).append(',').append(tag).append('.').append(i).append("@example.com\n");
        }
        csv.append("Hatalı,not-an-address\n");
        UUID id = Ids.newId();
        ImportMapping mapping = new ImportMapping("contacts", "create", null, null, null, null,
                Map.of("Ad", "firstName", "E-posta", "email"), Map.of(), null, false, false);
        jobs.insert(id, rep.id(), "undo-crash.csv", "csv", mapping, ImportStatus.QUEUED);
        jobs.storeFile(id, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 24);
        runner.run(id);
        assertThat(imported(tag)).isEqualTo(rows);

        assertThat(jobs.startUndo(id, rep.id())).isTrue();
        assertThat(jobs.startUndo(id, rep.id())).as("a second undo is refused").isFalse();
        undoRunner.afterEachBatch(reverted -> {
            throw new ImportResumeIntegrationTests.SimulatedCrash();
        });
        assertThatThrownBy(() -> undoRunner.run(id)).isInstanceOf(ImportResumeIntegrationTests.SimulatedCrash.class);
        ImportJob crashed = jobs.find(id).orElseThrow();
        assertThat(crashed.status()).isEqualTo(ImportStatus.UNDOING);
        assertThat(crashed.undoneRows()).isEqualTo(ImportUndoRunner.BATCH);
        assertThat(crashed.percent()).isEqualTo(ImportUndoRunner.BATCH * 100 / rows);
        assertThat(imported(tag)).isEqualTo(rows - ImportUndoRunner.BATCH);
        // While the undo runs, the job page still lists the import's problems and offers their CSV.
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/imports/" + id).cookie(session)).hasStatusOk().bodyText().contains(
                "id=\"import-problems\"", "not-an-address", "id=\"errors-link\"", "id=\"undo-progress\"");

        undoRunner.afterEachBatch(reverted -> { });
        undoRunner.run(id);

        ImportJob undone = jobs.find(id).orElseThrow();
        assertThat(undone.status()).isEqualTo(ImportStatus.UNDONE);
        assertThat(undone.undoneRows()).isEqualTo(rows);
        assertThat(imported(tag)).isZero();
        assertThat(jdbc.sql("select count(*) from import_problems where import_id = :id and phase = 'undo'")
                .param("id", id).query(Long.class).single()).as("no row reverted twice, none kept").isZero();
    }

    long imported(String tag) {
        return jdbc.sql("select count(*) from contact_emails where email like :p").param("p", tag + ".%")
                .query(Long.class).single();
    }
}
