package io.kervan.deals;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
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
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    DealImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank() || !key.equals("title")) {
            return List.of();
        }
        return jdbc.sql("select id, version from deals where sort_title = :v order by created_at limit 5")
                .param("v", TurkishText.sortKey(value.strip()))
                .query((rs, n) -> new ImportMatch(rs.getObject(1, UUID.class), rs.getLong(2))).list();
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
        editableOwner(id);
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
        VisibilityScope scope = editableOwner(id);
        boolean deleted = jdbc.sql("delete from deals where id = :id and version = :version").param("id", id)
                .param("version", expectedVersion).update() == 1;
        if (deleted) {
            events.publishEvent(RecordChanged.of(DealService.RECORD_TYPE, id, RecordChanged.Action.DELETED,
                    scope.userId(), List.of()));
        }
        return deleted;
    }

    private VisibilityScope editableOwner(UUID id) {
        VisibilityScope scope = visibility.current();
        record Owner(UUID ownerId, boolean visibleToTeam) {
        }
        Owner owner = jdbc.sql("select owner_id, visible_to_team from deals where id = :id").param("id", id)
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional()
                .filter(o -> scope.canView(o.ownerId(), o.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(DealService.RECORD_TYPE, id));
        if (!scope.canEdit(owner.ownerId())) {
            throw new NotAllowedException("You may see this deal but not change it");
        }
        return scope;
    }
}
