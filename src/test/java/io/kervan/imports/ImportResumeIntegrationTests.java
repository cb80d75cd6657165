package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * A node dies in the middle of an import (after its first batch committed); when the job is picked up
 * again it resumes after the checkpoint, and every row ends up imported exactly once.
 */
@IntegrationTest
class ImportResumeIntegrationTests {

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** Stands for the JVM going away: not an exception the runner would record as a failed job. */
    static final class SimulatedCrash extends Error {
    }

    @AfterEach
    void noMoreCrashes() {
        runner.afterEachBatch(processed -> { });
    }

    @Test
    void resumesAfterACrashMidImportWithoutImportingAnyRowTwice() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        String tag = ImportFixtures.token();
        StringBuilder csv = new StringBuilder("Ad,E-posta\n");
        int rows = 1_200;
        for (int i = 0; i < rows; i++) {
            csv.append("Kişi").append(i).append(',').append(tag).append('.').append(i).append("@example.com\n");
        }
        csv.append("Tekrar,").append(tag).append(".7@example.com\n");
        UUID id = Ids.newId();
        ImportMapping mapping = new ImportMapping("contacts", "create", null, null, null, null,
                Map.of("Ad", "firstName", "E-posta", "email"), Map.of(), null, false, false);
        jobs.insert(id, rep.id(), "crash.csv", "csv", mapping, ImportStatus.QUEUED);
        jobs.storeFile(id, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 24);

        runner.afterEachBatch(processed -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> runner.run(id)).isInstanceOf(SimulatedCrash.class);
        ImportJob crashed = jobs.find(id).orElseThrow();
        assertThat(crashed.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(crashed.processedRows()).isEqualTo(500);
        assertThat(imported(tag)).isEqualTo(500);

        runner.afterEachBatch(processed -> { });
        runner.run(id);

        ImportJob resumed = jobs.find(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(resumed.processedRows()).isEqualTo(rows + 1);
        assertThat(resumed.created()).isEqualTo(rows);
        assertThat(resumed.skipped()).isEqualTo(1);
        assertThat(imported(tag)).isEqualTo(rows);
        assertThat(jdbc.sql("select count(distinct email) from contact_emails where email like :p")
                .param("p", tag + ".%").query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from import_rows where import_id = :id and outcome = 'created'")
                .param("id", id).query(Long.class).single()).isEqualTo(rows);
    }

    long imported(String tag) {
        return jdbc.sql("select count(*) from contact_emails where email like :p").param("p", tag + ".%")
                .query(Long.class).single();
    }
}
