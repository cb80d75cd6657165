package io.kervan.imports;

import io.kervan.shared.Rows;
import io.kervan.shared.database.CopyRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Storage of import jobs, their files (in 1 MB pieces), row outcomes and problems. */
@Repository
class ImportJobRepository {

    static final int CHUNK_BYTES = 1 << 20;

    private static final String COLUMNS = """
            id, created_by, record_type, file_name, file_format, file_bytes, mapping::text, dry_run, status, encoding,
            delimiter, sheet, total_rows, processed_rows, created_count, updated_count, skipped_count, failed_count,
            run_millis, cancel_requested, message, created_at, started_at, finished_at, undone_at, upload_id,
            undo_by, undo_before_row, undone_rows""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final ObjectMapper json;

    ImportJobRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.json = json;
    }

    void insert(UUID id, UUID createdBy, String fileName, String format, ImportMapping mapping, ImportStatus status) {
        jdbc.sql("""
                insert into import_jobs (id, created_by, record_type, file_name, file_format, file_bytes, mapping,
                    dry_run, status, created_at)
                values (:id, :createdBy, :recordType, :fileName, :format, 0, cast(:mapping as jsonb), :dryRun, :status,
                    :now)""")
                .param("id", id).param("createdBy", createdBy).param("recordType", mapping.recordType())
                .param("fileName", fileName).param("format", format).param("mapping", json.writeValueAsString(mapping))
                .param("dryRun", mapping.isDryRun()).param("status", status.key())
                .param("now", Timestamp.from(Instant.now())).update();
    }

    /** Stores the file and returns its size; at most {@code maxBytes}, else {@link FileTooLarge}. */
    long storeFile(UUID id, InputStream in, long maxBytes) {
        long total = 0;
        int chunk = 0;
        try {
            while (true) {
                byte[] bytes = in.readNBytes(CHUNK_BYTES);
                if (bytes.length == 0) {
                    break;
                }
                total += bytes.length;
                if (total > maxBytes) {
                    throw new FileTooLarge();
                }
                jdbc.sql("insert into import_files (import_id, chunk, bytes) values (:id, :chunk, :bytes)")
                        .param("id", id).param("chunk", chunk++).param("bytes", bytes).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("update import_jobs set file_bytes = :bytes where id = :id").param("bytes", total).param("id", id)
                .update();
        return total;
    }

    static final class FileTooLarge extends RuntimeException {
    }

    /** Deletes the files of imports that ended before {@code before}; @return how many imports had one */
    int deleteFilesOfJobsEndedBefore(Instant before) {
        return jdbc.sql("""
                with gone as (
                    delete from import_files f using import_jobs j
                     where f.import_id = j.id and j.status in ('completed', 'failed', 'cancelled', 'undoing', 'undone')
                       and j.finished_at < :before
                    returning f.import_id)
                select count(distinct import_id) from gone""")
                .param("before", Timestamp.from(before)).query(Integer.class).single();
    }

    /** Deletes uploads never started that were made before {@code before}, with their files. */
    int deleteUploadsCreatedBefore(Instant before) {
        return jdbc.sql("delete from import_jobs where status = 'uploaded' and created_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    void copyFile(UUID from, UUID to) {
        jdbc.sql("update import_jobs set upload_id = :from where id = :to").param("from", from).param("to", to).update();
        jdbc.sql("""
                insert into import_files (import_id, chunk, bytes) select :to, chunk, bytes from import_files
                 where import_id = :from""").param("from", from).param("to", to).update();
        jdbc.sql("update import_jobs set file_bytes = (select file_bytes from import_jobs where id = :from) where id = :to")
                .param("from", from).param("to", to).update();
    }

    /** The stored file, read piece by piece (never wholly in memory). */
    InputStream openFile(UUID id) {
        return new InputStream() {
            private int chunk;
            private byte[] current = new byte[0];
            private int position;
            private boolean end;

            @Override
            public int read() {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position >= current.length) {
                    if (end) {
                        return -1;
                    }
                    Optional<byte[]> next = jdbc.sql("select bytes from import_files where import_id = :id and chunk = :chunk")
                            .param("id", id).param("chunk", chunk++).query(byte[].class).optional();
                    if (next.isEmpty()) {
                        end = true;
                        return -1;
                    }
                    current = next.get();
                    position = 0;
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }
        };
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from import_jobs where id = :id").param("id", id).query(this::map)
                .optional();
    }

    /** The newest jobs (not uploads) of one user, or of everyone when {@code createdBy} is null. */
    List<ImportJob> recent(UUID createdBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_jobs where status <> 'uploaded'"
                + (createdBy == null ? "" : " and created_by = :createdBy") + " order by created_at desc limit :limit")
                .param("createdBy", createdBy).param("limit", limit).query(this::map).list();
    }

    void updateMapping(UUID id, ImportMapping mapping) {
        jdbc.sql("update import_jobs set mapping = cast(:mapping as jsonb), record_type = :type where id = :id")
                .param("mapping", json.writeValueAsString(mapping)).param("type", mapping.recordType()).param("id", id)
                .update();
    }

    void detected(UUID id, String encoding, String delimiter, String sheet) {
        jdbc.sql("update import_jobs set encoding = :encoding, delimiter = :delimiter, sheet = :sheet where id = :id")
                .param("encoding", encoding).param("delimiter", delimiter).param("sheet", sheet).param("id", id).update();
    }

    void started(UUID id, long totalRows) {
        jdbc.sql("""
                update import_jobs set status = 'running', total_rows = :total,
                    started_at = coalesce(started_at, now()) where id = :id""")
                .param("total", totalRows).param("id", id).update();
    }

    void finish(UUID id, ImportStatus status, String message) {
        jdbc.sql("update import_jobs set status = :status, message = :message, finished_at = now() where id = :id")
                .param("status", status.key()).param("message", message).param("id", id).update();
    }

    /**
     * Marks an undoable job as being undone by {@code userId}.
     *
     * @return false when it is not undoable any more (someone else asked first)
     */
    boolean startUndo(UUID id, UUID userId) {
        return jdbc.sql("""
                update import_jobs set status = 'undoing', undo_by = :userId
                 where id = :id and status in ('completed', 'cancelled', 'failed') and not dry_run""")
                .param("id", id).param("userId", userId).update() == 1;
    }

    /** The undo's checkpoint, in the transaction of the batch it reverted. */
    void undoCheckpoint(UUID id, long beforeRow, int reverted) {
        jdbc.sql("""
                update import_jobs set undo_before_row = :beforeRow, undone_rows = undone_rows + :reverted
                 where id = :id""").param("beforeRow", beforeRow).param("reverted", reverted).param("id", id).update();
    }

    void undone(UUID id) {
        jdbc.sql("update import_jobs set status = 'undone', undone_at = now() where id = :id").param("id", id).update();
    }

    /** Marks cancellation; a queued job is cancelled at once, a running one at its next batch. */
    boolean requestCancel(UUID id) {
        int n = jdbc.sql("""
                update import_jobs set cancel_requested = true,
                    status = case when status = 'queued' then 'cancelled' else status end,
                    finished_at = case when status = 'queued' then now() else finished_at end
                 where id = :id and status in ('queued', 'running')""").param("id", id).update();
        return n == 1;
    }

    boolean cancelRequested(UUID id) {
        return jdbc.sql("select cancel_requested from import_jobs where id = :id").param("id", id).query(Boolean.class)
                .single();
    }

    /**
     * Lets the current batch's transaction commit without waiting for its WAL to reach the disk. Safe for an
     * import batch: its rows, their outcomes and the job's checkpoint commit together, so a database crash
     * can only lose whole batches at the end, and the job then resumes from the last checkpoint that did
     * reach the disk — no row is lost or imported twice. Progress read during the run may then step back; the
     * job's end is written with a normal commit, which also brings every batch before it to the disk.
     */
    void commitWithoutWaitingForDisk() {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    /** The PostgreSQL backend serving the current transaction's connection. */
    int backendPid() {
        return jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
    }

    /**
     * Whether backend {@code waiting} waits for a lock that backend {@code holder} holds, directly or through
     * other waiting backends (a few steps deep).
     */
    boolean waitsFor(int waiting, int holder) {
        return jdbc.sql("""
                with recursive blockers(pid, depth) as (
                    select b, 1 from unnest(pg_blocking_pids(:waiting)) b
                    union all
                    select b, depth + 1 from blockers, unnest(pg_blocking_pids(blockers.pid)) b where depth < 4)
                select exists (select 1 from blockers where pid = :holder)""")
                .param("waiting", waiting).param("holder", holder).query(Boolean.class).single();
    }

    /** The checkpoint, moved in the transaction that stores the batch's records and outcomes. */
    void checkpoint(UUID id, long processedRows, BatchCounts counts, long millis) {
        jdbc.sql("""
                update import_jobs set processed_rows = :processed, created_count = created_count + :created,
                    updated_count = updated_count + :updated, skipped_count = skipped_count + :skipped,
                    failed_count = failed_count + :failed, run_millis = run_millis + :millis where id = :id""")
                .param("processed", processedRows).param("created", counts.created).param("updated", counts.updated)
                .param("skipped", counts.skipped).param("failed", counts.failed).param("millis", millis)
                .param("id", id).update();
    }

    static final class BatchCounts {
        long created;
        long updated;
        long skipped;
        long failed;
    }

    void saveRows(UUID id, List<RowOutcome> outcomes) {
        List<RowOutcome> written = outcomes.stream().filter(o -> o.recordId() != null || o.matchKey() != null).toList();
        if (written.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("import_rows", "import_id", "row_number", "outcome", "record_id", "record_version",
                "match_key", "before_state");
        for (RowOutcome o : written) {
            rows.row(id, o.rowNumber(), o.outcome().key(), o.recordId(), o.recordVersion(), o.matchKey(), o.before());
        }
        rows.copyInto(dataSource);
    }

    void saveProblems(UUID id, List<StoredProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into import_problems (import_id, row_number, column_name, value, message, phase)
                values (?, ?, ?, ?, ?, ?)""", problems, 1000, (ps, p) -> {
            ps.setObject(1, id);
            ps.setLong(2, p.rowNumber());
            ps.setString(3, p.column());
            ps.setString(4, p.value());
            ps.setString(5, p.message());
            ps.setString(6, p.phase());
        });
    }

    record StoredProblem(long rowNumber, String column, String value, String message, String phase) {
    }

    /** Match keys already handled by this job, with their row: after a restart repeats stay repeats. */
    void seenKeys(UUID id, Consumer<SeenKey> consumer) {
        jdbc.sql("select match_key, row_number from import_rows where import_id = :id and match_key is not null")
                .param("id", id).query((ResultSet rs) -> {
                    consumer.accept(new SeenKey(rs.getString(1), rs.getLong(2)));
                });
    }

    record SeenKey(String key, long rowNumber) {
    }

    /** Written rows for undo, newest first, one page after {@code beforeRow}. */
    List<WrittenRow> writtenRows(UUID id, long beforeRow, int limit) {
        return jdbc.sql("""
                select row_number, outcome, record_id, record_version, before_state::text from import_rows
                 where import_id = :id and row_number < :before and outcome in ('created', 'updated')
                 order by row_number desc limit :limit""")
                .param("id", id).param("before", beforeRow).param("limit", limit)
                .query((rs, n) -> new WrittenRow(rs.getLong(1), RowOutcome.Outcome.valueOf(rs.getString(2).toUpperCase()),
                        rs.getObject(3, UUID.class), rs.getLong(4), rs.getString(5)))
                .list();
    }

    record WrittenRow(long rowNumber, RowOutcome.Outcome outcome, UUID recordId, long recordVersion, String before) {
    }

    void streamProblems(UUID id, Consumer<StoredProblem> consumer) {
        jdbc.sql("""
                select row_number, column_name, value, message, phase from import_problems where import_id = :id
                 order by phase, row_number""").param("id", id).query((ResultSet rs) -> {
                    consumer.accept(new StoredProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                });
    }

    List<StoredProblem> problems(UUID id, String phase, int limit) {
        return jdbc.sql("""
                select row_number, column_name, value, message, phase from import_problems
                 where import_id = :id and phase = :phase order by row_number limit :limit""")
                .param("id", id).param("phase", phase).param("limit", limit)
                .query((rs, n) -> new StoredProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    void saveMapping(UUID id, String name, ImportMapping mapping, UUID createdBy) {
        jdbc.sql("""
                insert into import_mappings (id, name, record_type, mapping, created_by, created_at)
                values (:id, :name, :type, cast(:mapping as jsonb), :createdBy, now())
                on conflict (record_type, lower(name)) do update set mapping = excluded.mapping""")
                .param("id", id).param("name", name).param("type", mapping.recordType())
                .param("mapping", json.writeValueAsString(mapping.withDryRun(false))).param("createdBy", createdBy)
                .update();
    }

    List<SavedMapping> savedMappings(String recordType) {
        return jdbc.sql("select id, name, mapping::text from import_mappings where record_type = :type order by lower(name)")
                .param("type", recordType)
                .query((rs, n) -> new SavedMapping(rs.getObject(1, UUID.class), rs.getString(2),
                        json.readValue(rs.getString(3), ImportMapping.class)))
                .list();
    }

    private ImportJob map(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getObject("id", UUID.class), rs.getObject("created_by", UUID.class),
                rs.getString("record_type"), rs.getString("file_name"), rs.getString("file_format"),
                rs.getLong("file_bytes"), json.readValue(rs.getString("mapping"), ImportMapping.class),
                rs.getBoolean("dry_run"), ImportStatus.valueOf(rs.getString("status").toUpperCase()),
                rs.getString("encoding"), rs.getString("delimiter"), rs.getString("sheet"),
                rs.getObject("total_rows", Long.class), rs.getLong("processed_rows"), rs.getLong("created_count"),
                rs.getLong("updated_count"), rs.getLong("skipped_count"), rs.getLong("failed_count"),
                rs.getLong("run_millis"), rs.getBoolean("cancel_requested"), rs.getString("message"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"),
                Rows.instant(rs, "undone_at"), rs.getObject("upload_id", UUID.class), rs.getObject("undo_by", UUID.class),
                rs.getObject("undo_before_row", Long.class), rs.getLong("undone_rows"));
    }
}
