package io.kervan.deals;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    private final DealBatchWriter writer;

    DealImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events, DealBatchWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "deals", DealService.RECORD_TYPE, "deal");
    }

    /**
     * A deal an import row describes, as it ends up: open, or closed as won or lost.
     *
     * @param openedAt when it was opened (its first stage entered), {@code null} for now
     * @param closedAt when a won or lost deal was closed, {@code null} for now
     * @param lostReasonId the reason of a lost deal, required for one
     */
    public record NewDeal(DealDraft draft, DealStatus status, Instant openedAt, Instant closedAt, UUID lostReasonId) {
    }


    /**
     * {@link #findForImport} for many values in one query.
     *
     * @return the matches of each value that has any, keyed by the value as given
     */
    @Transactional(readOnly = true)
    public Map<String, List<ImportMatch>> findAllForImport(String key, Collection<String> values) {
        return key.equals("title") ? records.matchesAll("sort_title", null, values, TurkishText::sortKey) : Map.of();
    }

    /**
     * Creates the batch's deals with the rules of {@link DealService#create}, {@link DealService#win} and
     * {@link DealService#lose}; an item those rules refuse is answered with the refusal and the others are still
     * written. The changes go out as one {@link io.kervan.shared.RecordsChanged}, which the audit trail records as
     * one entry per deal. A database constraint that fails throws and writes nothing: the caller then retries
     * the batch item by item.
     *
     * @return one result per item, in the items' order
     */
    @Transactional
    public List<BatchResult> importBatch(List<NewDeal> items) {
        return items.isEmpty() ? List.of() : writer.create(items);
    }

    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank() || !key.equals("title")) {
            return List.of();
        }
        return records.matches("sort_title = :v", TurkishText.sortKey(value.strip()));
    }

    /**
     * Dates a deal the import just created: opened at {@code openedAt} (its first stage entered then) and, if won
     * or lost, closed at {@code closedAt} (its closing column entered then, as {@link #importBatch} stores it);
     * the stage history moves with it. Either may be null to keep the current value.
     *
     * @return the deal's new version
     */
    @Transactional
    public long backdate(UUID id, Instant openedAt, Instant closedAt) {
        records.requireEditable(id);
        Timestamp opened = openedAt == null ? null : Timestamp.from(openedAt);
        Timestamp closed = closedAt == null ? null : Timestamp.from(closedAt);
        String entered = """
                case when status = 'open' then coalesce(cast(:opened as timestamptz), stage_entered_at)
                     else coalesce(cast(:closed as timestamptz), stage_entered_at) end""";
        long version = jdbc.sql("""
                update deals set stale_at = stale_at + (%1$s - stage_entered_at),
                    created_at = coalesce(cast(:opened as timestamptz), created_at),
                    stage_entered_at = %1$s,
                    closed_at = case when status <> 'open' then coalesce(cast(:closed as timestamptz), closed_at) else closed_at end,
                    version = version + 1
                 where id = :id returning version""".formatted(entered))
                .param("opened", opened).param("closed", closed).param("id", id).query(Long.class).single();
        jdbc.sql("""
                update deal_stage_history h set moved_at = case when h.to_status = 'open'
                    then coalesce(cast(:opened as timestamptz), h.moved_at) else coalesce(cast(:closed as timestamptz), h.moved_at) end
                 where h.deal_id = :id""").param("opened", opened).param("closed", closed).param("id", id).update();
        jdbc.sql("""
                update deal_stage_history h set seconds_in_previous = greatest(0, extract(epoch from h.moved_at - o.moved_at))
                  from deal_stage_history o
                 where h.deal_id = :id and h.to_status <> 'open' and o.deal_id = :id and o.to_status = 'open'""")
                .param("id", id).update();
        return version;
    }

    /** Deletes a deal an import created if unchanged since; false when it changed (then it is kept). */
    @Transactional
    public boolean deleteImported(UUID id, long expectedVersion) {
        return records.deleteImported(id, expectedVersion);
    }

    /** {@link #deleteImported} for many records at once, for the undo of a large import; one event for all. */
    @Transactional
    public Map<UUID, ImportRemoval> deleteAllImported(Collection<ImportMatch> imported) {
        return imported.isEmpty() ? Map.of() : records.deleteAllImported(imported);
    }
}
