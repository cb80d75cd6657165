package io.kervan.identity;

import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import io.kervan.shared.imports.ImportedRecords;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ImportedRecords} for a module whose records have an owner and a team-visibility flag
 * ({@code owner_id}, {@code visible_to_team}) and so fall under {@link Visibility}: an import may undo only
 * what the signed-in user may change. Each owning module creates one naming its own table, so the SQL still
 * runs on behalf of the module that owns the table.
 */
public final class OwnedImportedRecords {

    private record Owner(UUID ownerId, boolean visibleToTeam) {
    }

    private final ImportedRecords records;
    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final String table;
    private final String recordType;
    private final String noun;

    /**
     * @param table the module's own table, a constant of the module (it becomes part of the SQL)
     * @param recordType the record type that errors and events name
     * @param noun how the refusal names one record ("company")
     */
    public OwnedImportedRecords(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events, String table,
            String recordType, String noun) {
        this.records = new ImportedRecords(jdbc, events, table, recordType);
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.table = table;
        this.recordType = recordType;
        this.noun = noun;
    }

    /** See {@link ImportedRecords#matches}; matching does not filter by visibility, as before the fold. */
    public List<ImportMatch> matches(String condition, String value) {
        return records.matches(condition, value);
    }

    /** See {@link ImportedRecords#matchesAll}; no visibility filter either. */
    public Map<String, List<ImportMatch>> matchesAll(String column, String condition, Collection<String> values,
            UnaryOperator<String> normalize) {
        return records.matchesAll(column, condition, values, normalize);
    }

    /**
     * The signed-in user's scope, once sure they may change the record.
     *
     * @throws RecordNotFoundException when there is no such record or they may not see it
     * @throws NotAllowedException when they may see it but not change it
     */
    public VisibilityScope requireEditable(UUID id) {
        VisibilityScope scope = visibility.current();
        Owner owner = jdbc.sql("select owner_id, visible_to_team from " + table + " where id = :id").param("id", id)
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional()
                .filter(o -> scope.canView(o.ownerId(), o.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(recordType, id));
        if (!scope.canEdit(owner.ownerId())) {
            throw new NotAllowedException("You may see this " + noun + " but not change it");
        }
        return scope;
    }

    /**
     * Deletes a record an import created, if the signed-in user may change it and it is still as the import
     * left it. Runs in the caller's transaction.
     *
     * @return false when it changed since (its version moved on): it is then kept
     */
    public boolean deleteImported(UUID id, long expectedVersion) {
        return records.delete(id, expectedVersion, requireEditable(id).userId());
    }

    /**
     * {@link #deleteImported} for many records: one query for their owners, one statement deleting those the
     * signed-in user may change and that are still as the import left them, one event for all.
     *
     * @return what became of each record
     * @throws org.springframework.dao.DataIntegrityViolationException when other records refer to any of them:
     *         then nothing is deleted
     */
    public Map<UUID, ImportRemoval> deleteAllImported(Collection<ImportMatch> imported) {
        VisibilityScope scope = visibility.current();
        Map<UUID, Owner> owners = new HashMap<>();
        jdbc.sql("select id, owner_id, visible_to_team from " + table + " where id = any(:ids)")
                .param("ids", imported.stream().map(ImportMatch::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    owners.put(rs.getObject(1, UUID.class), new Owner(rs.getObject(2, UUID.class), rs.getBoolean(3)));
                });
        Map<UUID, ImportRemoval> removals = new HashMap<>();
        List<ImportMatch> editable = new ArrayList<>();
        for (ImportMatch record : imported) {
            Owner owner = owners.get(record.id());
            if (owner == null || !scope.canView(owner.ownerId(), owner.visibleToTeam())) {
                removals.put(record.id(), ImportRemoval.GONE);
            } else if (!scope.canEdit(owner.ownerId())) {
                removals.put(record.id(), ImportRemoval.NOT_ALLOWED);
            } else {
                editable.add(record);
            }
        }
        Set<UUID> deleted = records.deleteAll(editable, scope.userId());
        editable.forEach(r -> removals.put(r.id(),
                deleted.contains(r.id()) ? ImportRemoval.DELETED : ImportRemoval.CHANGED_SINCE));
        return removals;
    }
}
