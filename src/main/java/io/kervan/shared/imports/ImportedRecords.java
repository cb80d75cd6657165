package io.kervan.shared.imports;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import mechanics every module repeats on its own table: finding the records a row's key matches, and
 * deleting a record an import created when the import is undone. The owning module creates one for its table
 * and keeps the conditions (which columns a key compares, how the value is normalised) and the access rules,
 * so the SQL still runs on behalf of the module that owns the table.
 */
public final class ImportedRecords {

    /** More candidates than this make a match ambiguous anyway; the import only needs to know there are several. */
    private static final int MATCH_LIMIT = 5;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final String table;
    private final String recordType;

    /**
     * @param table the module's own table, a constant of the module (it becomes part of the SQL)
     * @param recordType the record type the {@link RecordChanged} events name
     */
    public ImportedRecords(JdbcClient jdbc, ApplicationEventPublisher events, String table, String recordType) {
        this.jdbc = jdbc;
        this.events = events;
        this.table = table;
        this.recordType = recordType;
    }

    /**
     * The oldest few records meeting {@code condition}, in which {@code :v} stands for {@code value}.
     *
     * @param condition a module's constant SQL condition on its table, never built from input
     */
    public List<ImportMatch> matches(String condition, String value) {
        return jdbc.sql("select id, version from " + table + " where " + condition + " order by created_at limit "
                + MATCH_LIMIT).param("v", value)
                .query((rs, n) -> new ImportMatch(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }

    /**
     * {@link #matches} for many values in one query: the records whose {@code column} equals a value once
     * normalised, oldest first, keyed by the value as given (values without a match are absent).
     *
     * @param column a module's constant column of its table, never built from input
     * @param condition a further constant SQL condition on the table, or {@code null}
     * @param normalize how the module compares a stripped value (lower-cased e-mail, E.164 phone …)
     */
    public Map<String, List<ImportMatch>> matchesAll(String column, String condition, Collection<String> values,
            UnaryOperator<String> normalize) {
        Map<String, List<String>> givenByNormalized = new HashMap<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                givenByNormalized.computeIfAbsent(normalize.apply(value.strip()), k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<ImportMatch>> found = new HashMap<>();
        if (givenByNormalized.isEmpty()) {
            return found;
        }
        jdbc.sql("select " + column + ", id, version from " + table + " where " + column + " = any(:values)"
                + (condition == null ? "" : " and " + condition) + " order by created_at, id")
                .param("values", givenByNormalized.keySet().toArray(String[]::new)).query((ResultSet rs) -> {
                    ImportMatch match = new ImportMatch(rs.getObject(2, UUID.class), rs.getLong(3));
                    for (String given : givenByNormalized.get(rs.getString(1))) {
                        found.computeIfAbsent(given, k -> new ArrayList<>()).add(match);
                    }
                });
        return found;
    }

    /**
     * Deletes the record if it still has {@code expectedVersion}, and tells the others it was deleted by
     * {@code actorId}. The caller checks first that the actor may.
     *
     * @return false when the record changed since (its version moved on) or is gone: nothing is deleted
     * @throws org.springframework.dao.DataIntegrityViolationException when other records refer to it
     */
    public boolean delete(UUID id, long expectedVersion, UUID actorId) {
        boolean deleted = jdbc.sql("delete from " + table + " where id = :id and version = :version").param("id", id)
                .param("version", expectedVersion).update() == 1;
        if (deleted) {
            events.publishEvent(RecordChanged.of(recordType, id, RecordChanged.Action.DELETED, actorId, List.of()));
        }
        return deleted;
    }

    /**
     * {@link #delete} for many records in one statement, with one {@link RecordsChanged} for those deleted.
     *
     * @return the records deleted; the others changed since (their version moved on) or are gone
     * @throws org.springframework.dao.DataIntegrityViolationException when other records refer to any of them:
     *         then nothing is deleted
     */
    public Set<UUID> deleteAll(Collection<ImportMatch> records, UUID actorId) {
        if (records.isEmpty()) {
            return Set.of();
        }
        Set<UUID> deleted = new HashSet<>(jdbc.sql("delete from " + table + " t using unnest(cast(:ids as uuid[]),"
                + " cast(:versions as bigint[])) as k(id, version) where t.id = k.id and t.version = k.version"
                + " returning t.id")
                .param("ids", records.stream().map(ImportMatch::id).toArray(UUID[]::new))
                .param("versions", records.stream().map(ImportMatch::version).toArray(Long[]::new))
                .query(UUID.class).list());
        if (!deleted.isEmpty()) {
            events.publishEvent(new RecordsChanged(deleted.stream()
                    .map(id -> RecordChanged.of(recordType, id, RecordChanged.Action.DELETED, actorId, List.of()))
                    .toList()));
        }
        return deleted;
    }
}
