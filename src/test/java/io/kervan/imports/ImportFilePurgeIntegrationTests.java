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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploaded files go once nothing needs them; jobs, their outcomes and running imports' files stay. */
@IntegrationTest
class ImportFilePurgeIntegrationTests {

    @Autowired
    ImportFilePurge purge;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void removesTheFilesOfImportsEndedLongAgoAndUnusedUploadsOnly() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        UUID endedLongAgo = job(rep, ImportStatus.COMPLETED, "9 days");
        UUID endedToday = job(rep, ImportStatus.COMPLETED, "1 hour");
        UUID undoneLongAgo = job(rep, ImportStatus.UNDONE, "8 days");
        UUID stillRunning = job(rep, ImportStatus.RUNNING, null);
        jdbc.sql("update import_jobs set created_at = now() - interval '30 days' where id = :id").param("id", stillRunning)
                .update();
        UUID oldUpload = job(rep, ImportStatus.UPLOADED, null);
        jdbc.sql("update import_jobs set created_at = now() - interval '8 days' where id = :id").param("id", oldUpload)
                .update();
        UUID newUpload = job(rep, ImportStatus.UPLOADED, null);
        jdbc.sql("update import_jobs set upload_id = :upload where id = :id").param("upload", oldUpload)
                .param("id", endedToday).update();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(3);

        assertThat(hasFile(endedLongAgo)).isFalse();
        assertThat(hasFile(undoneLongAgo)).isFalse();
        assertThat(jobs.find(endedLongAgo)).as("the job itself stays, for undo and its problems").isPresent();
        assertThat(hasFile(endedToday)).isTrue();
        assertThat(hasFile(stillRunning)).as("a running import may still need its file to resume").isTrue();
        assertThat(jobs.find(oldUpload)).isEmpty();
        assertThat(jobs.find(endedToday).orElseThrow().uploadId()).isNull();
        assertThat(hasFile(newUpload)).isTrue();
    }

    private UUID job(TestUsers.TestUser user, ImportStatus status, String endedAgo) {
        UUID id = Ids.newId();
        ImportMapping mapping = new ImportMapping("contacts", "create", null, null, null, null,
                Map.of("Ad", "firstName"), Map.of(), null, false, false);
        jobs.insert(id, user.id(), "purge.csv", "csv", mapping, status);
        jobs.storeFile(id, new ByteArrayInputStream("Ad\nAyşe\n".getBytes(StandardCharsets.UTF_8)), 1 << 20);
        if (endedAgo != null) {
            jdbc.sql("update import_jobs set finished_at = now() - cast(:ago as interval) where id = :id")
                    .param("ago", endedAgo).param("id", id).update();
        }
        return id;
    }

    private boolean hasFile(UUID id) {
        return jdbc.sql("select exists (select 1 from import_files where import_id = :id)").param("id", id)
                .query(Boolean.class).single();
    }
}
