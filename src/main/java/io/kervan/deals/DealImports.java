package io.kervan.deals;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imports module needs beyond {@link DealService}: finding the deals an import row matches (by
 * title), dating an imported deal as the file says (opened/closed then, not now), and removing a deal an
 * import created when the import is undone.
 */
@Service
public class DealImports {

    public static final List<String> MATCH_KEYS = List.of("title");

    private final JdbcClient jdbc;
    private final OwnedImportedRecords records;

    DealImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "deals", DealService.RECORD_TYPE, "deal");
    }

    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank() || !key.equals("title")) {
            return List.of();
        }
        return records.matches("sort_title = :v", TurkishText.sortKey(value.strip()));
    }

    /**
     * Dates a deal the import just created: opened at {@code openedAt} (its stage entered then, its
     * staleness counted from then) and, if won or lost, closed at {@code closedAt}; the stage history
     * moves with it. Either may be null to keep the current value.
     *
     * @return the deal's new version
     */
    @Transactional
    public long backdate(UUID id, Instant openedAt, Instant closedAt) {
        records.requireEditable(id);
        Timestamp opened = openedAt == null ? null : Timestamp.from(openedAt);
        Timestamp closed = closedAt == null ? null : Timestamp.from(closedAt);
        long version = jdbc.sql("""
                update deals set stale_at = stale_at + (coalesce(cast(:opened as timestamptz), stage_entered_at) - stage_entered_at),
                    created_at = coalesce(cast(:opened as timestamptz), created_at),
                    stage_entered_at = coalesce(cast(:opened as timestamptz), stage_entered_at),
                    closed_at = case when status <> 'open' then coalesce(cast(:closed as timestamptz), closed_at) else closed_at end,
                    version = version + 1
                 where id = :id returning version""")
                .param("opened", opened).param("closed", closed).param("id", id).query(Long.class).single();
        jdbc.sql("""
                update deal_stage_history set moved_at = case when to_status = 'open'
                    then coalesce(cast(:opened as timestamptz), moved_at) else coalesce(cast(:closed as timestamptz), moved_at) end
                 where deal_id = :id""").param("opened", opened).param("closed", closed).param("id", id).update();
        return version;
    }

    /** Deletes a deal an import created if unchanged since; false when it changed (then it is kept). */
    @Transactional
    public boolean deleteImported(UUID id, long expectedVersion) {
        return records.deleteImported(id, expectedVersion);
    }
}
