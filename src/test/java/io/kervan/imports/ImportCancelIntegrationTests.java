package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.shared.Ids;
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
import tools.jackson.databind.JsonNode;

/** Cancelling: a running import stops after its current batch, keeps what it imported, and can be undone. */
@IntegrationTest
class ImportCancelIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        runner.afterEachBatch(processed -> { });
    }

    @Test
    void aCancelledImportStopsAfterItsBatchAndCanBeUndone() {
        ImportFixtures fixtures = new ImportFixtures(mvc, context);
        TestUsers.TestUser rep = fixtures.user(Role.SALES_REP);
        String tag = ImportFixtures.token();
        StringBuilder csv = new StringBuilder("Ad,E-posta\n");
        for (int i = 0; i < 1_100; i++) {
            csv.append("K").append(i).append(',').append(tag).append('.').append(i).append("@example.com\n");
        }
        UUID id = Ids.newId();
        jobs.insert(id, rep.id(), "cancel.csv", "csv", new ImportMapping("contacts", "create", null, null, null, null,
                Map.of("Ad", "firstName", "E-posta", "email"), Map.of(), null, false, false), ImportStatus.QUEUED);
        jobs.storeFile(id, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 24);
        // the person presses "Cancel" (POST /api/v1/imports/{id}/cancel) while the first batch is being imported
        runner.afterEachBatch(processed -> assertThat(jobs.requestCancel(id)).isTrue());

        runner.run(id);

        JsonNode job = fixtures.get(rep, id.toString());
        assertThat(job.get("status").asString()).isEqualTo("cancelled");
        assertThat(job.get("processedRows").asLong()).isEqualTo(500);
        assertThat(imported(tag)).isEqualTo(500);
        assertThat(mvc.post().uri("/api/v1/imports/" + id + "/cancel").header("Authorization", rep.bearer())
                .exchange()).hasStatus(409);

        assertThat(fixtures.undo(rep, id.toString()).get("status").asString()).isEqualTo("undone");
        assertThat(imported(tag)).isZero();
    }

    long imported(String tag) {
        return jdbc.sql("select count(*) from contact_emails where email like :p").param("p", tag + ".%")
                .query(Long.class).single();
    }
}
