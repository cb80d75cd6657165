package io.kervan.leads;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.ConflictException;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates and updates many leads with the rules of {@link LeadService#create} and {@link LeadService#update} — may
 * the user create leads, see and change the stored one, a converted lead stays as it is, the owner they may assign,
 * {@link LeadRules#normalize} with the active sources — but with the stored leads read in one query, sources and
 * owners checked once per batch, the writes sent as JDBC batches (inserts as multi-row inserts, updates with the
 * version check per row) and one {@link RecordsChanged} event. Each item the rules refuse is answered with the
 * refusal, a lead whose version moved on as "changed meanwhile"; the others are written.
 */
@Component
class LeadBatchWriter {

    private static final int JDBC_BATCH = 1000;

    private final JdbcTemplate template;
    private final LeadRepository leads;
    private final LeadSourceService sources;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    LeadBatchWriter(JdbcTemplate template, LeadRepository leads, LeadSourceService sources, Visibility visibility,
            ApplicationEventPublisher events) {
        this.template = template;
        this.leads = leads;
        this.sources = sources;
        this.visibility = visibility;
        this.events = events;
    }

    /**
     * @param before the stored lead an update changes, {@code null} for a new one
     * @param expectedVersion the version the import matched, which the update requires
     */
    private record Write(UUID id, LeadDraft lead, String externalId, LeadDetails before, long expectedVersion) {
    }

    List<BatchResult> write(List<LeadImports.BatchItem> items) {
        VisibilityScope scope = visibility.current();
        Map<UUID, LeadDetails> stored = leads.findAll(items.stream().filter(i -> i.existing() != null)
                .map(i -> i.existing().id()).toList());
        Map<String, Boolean> activeSources = new HashMap<>();
        Map<UUID, Boolean> assignable = new HashMap<>();
        BatchResult[] results = new BatchResult[items.size()];
        List<Write> creates = new ArrayList<>();
        List<Write> updates = new ArrayList<>();
        List<Integer> createPositions = new ArrayList<>();
        List<Integer> updatePositions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                Write write = checked(scope, items.get(i), stored, activeSources, assignable);
                (write.before() == null ? creates : updates).add(write);
                (write.before() == null ? createPositions : updatePositions).add(i);
            } catch (InvalidInputException | NotAllowedException | RecordNotFoundException | ConflictException e) {
                results[i] = BatchResult.refused(e);
            }
        }
        Instant now = Instant.now();
        insertAll(creates, scope.userId(), now);
        boolean[] wentThrough = updateAll(updates, scope.userId(), now);
        List<RecordChanged> changes = new ArrayList<>(creates.size() + updates.size());
        for (int w = 0; w < creates.size(); w++) {
            Write write = creates.get(w);
            results[createPositions.get(w)] = BatchResult.written(new ImportMatch(write.id(), 0));
            changes.add(RecordChanged.of(LeadService.RECORD_TYPE, write.id(), RecordChanged.Action.CREATED,
                    scope.userId(), LeadChanges.between(null, details(write, scope.userId(), now)).changes()));
        }
        for (int w = 0; w < updates.size(); w++) {
            Write write = updates.get(w);
            if (!wentThrough[w]) {
                results[updatePositions.get(w)] = BatchResult.refused(
                        new StaleVersionException(LeadService.RECORD_TYPE, write.id()));
                continue;
            }
            results[updatePositions.get(w)] = BatchResult.written(
                    new ImportMatch(write.id(), write.expectedVersion() + 1));
            changes.add(RecordChanged.of(LeadService.RECORD_TYPE, write.id(), RecordChanged.Action.UPDATED,
                    scope.userId(),
                    LeadChanges.between(write.before(), details(write, scope.userId(), now)).changes()));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
        }
        return List.of(results);
    }

    /** The item as it will be written, after the checks {@link LeadService} makes one lead at a time. */
    private Write checked(VisibilityScope scope, LeadImports.BatchItem item, Map<UUID, LeadDetails> stored,
            Map<String, Boolean> activeSources, Map<UUID, Boolean> assignable) {
        LeadDetails before = null;
        if (item.existing() == null) {
            if (!scope.canCreate()) {
                throw new NotAllowedException("Your role may not create leads");
            }
        } else {
            UUID id = item.existing().id();
            before = stored.get(id);
            if (before == null || !scope.canView(before.ownerId(), before.visibleToTeam())) {
                throw new RecordNotFoundException(LeadService.RECORD_TYPE, id);
            }
            if (!scope.canEdit(before.ownerId())) {
                throw new NotAllowedException("You may see this lead but not change it");
            }
            if (before.converted()) {
                throw new ConflictException("This lead was converted already; change the contact instead");
            }
        }
        String keptSource = before == null ? null : before.source();
        LeadDraft l = LeadRules.normalize(item.draft(), key -> key.equals(keptSource)
                || activeSources.computeIfAbsent(key, k -> sources.byKey(k).filter(LeadSource::active).isPresent()));
        UUID owner = before != null && l.ownerId() == null ? before.ownerId()
                : l.ownerId() == null ? scope.userId() : l.ownerId();
        if ((before == null || l.ownerId() != null)
                && !assignable.computeIfAbsent(owner, o -> visibility.mayAssignTo(scope, o))) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        LeadDraft lead = new LeadDraft(l.firstName(), l.lastName(), l.companyName(), l.title(), l.email(), l.phone(),
                l.source(), l.status(), l.disqualifiedReason(), l.notes(), owner, l.visibleToTeam());
        return new Write(before == null ? Ids.newId() : before.id(), lead, before == null ? item.externalId() : null,
                before, before == null ? 0 : item.existing().version());
    }

    /** The lead as stored after the write, for the change history. */
    private static LeadDetails details(Write w, UUID actor, Instant now) {
        LeadDraft l = w.lead();
        LeadDetails b = w.before();
        return new LeadDetails(w.id(), l.firstName(), l.lastName(), l.companyName(), l.title(), l.email(), l.phone(),
                l.source(), LeadStatus.parse(l.status()).orElseThrow(), l.disqualifiedReason(), l.notes(), l.ownerId(),
                l.visibleToTeam(), b == null ? null : firstResponse(b, l, now), null, null, null, null,
                b == null ? externalSource(w) : b.externalSource(), b == null ? w.externalId() : b.externalId(), null,
                b == null ? now : b.createdAt(), now, b == null ? actor : b.createdBy(), actor,
                b == null ? 0 : w.expectedVersion() + 1, b == null ? null : b.lastActivityAt());
    }

    /** As {@link LeadRepository#update}: the first status change after creation is the first response. */
    private static Instant firstResponse(LeadDetails before, LeadDraft after, Instant now) {
        return before.firstResponseAt() == null && !before.status().key().equals(after.status())
                ? now : before.firstResponseAt();
    }

    private static String externalSource(Write w) {
        return w.externalId() == null ? null : LeadImports.EXTERNAL_SOURCE;
    }

    /** The same columns and derived values as {@link LeadRepository#insert}, for the whole batch at once. */
    private void insertAll(List<Write> writes, UUID actor, Instant now) {
        if (writes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                insert into leads (first_name, last_name, company_name, title, email, phone, source_key, status,
                    disqualified_reason, notes, owner_id, visible_to_team, search_text, sort_name, id,
                    external_source, external_id, created_at, updated_at, created_by, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                writes, JDBC_BATCH, (ps, w) -> {
                    int next = setFields(ps, w.lead());
                    ps.setObject(next, w.id());
                    ps.setString(next + 1, externalSource(w));
                    ps.setString(next + 2, w.externalId());
                    ps.setTimestamp(next + 3, at);
                    ps.setTimestamp(next + 4, at);
                    ps.setObject(next + 5, actor);
                    ps.setObject(next + 6, actor);
                });
    }

    /** The same columns as {@link LeadRepository#update}, each row only if its version is still the one read. */
    private boolean[] updateAll(List<Write> writes, UUID actor, Instant now) {
        boolean[] updated = new boolean[writes.size()];
        if (writes.isEmpty()) {
            return updated;
        }
        Timestamp at = Timestamp.from(now);
        int[][] counts = template.batchUpdate("""
                update leads set first_name = ?, last_name = ?, company_name = ?, title = ?, email = ?, phone = ?,
                    source_key = ?, status = ?, disqualified_reason = ?, notes = ?, owner_id = ?, visible_to_team = ?,
                    search_text = ?, sort_name = ?,
                    first_response_at = case when first_response_at is null and ? then ? else first_response_at end,
                    updated_at = ?, updated_by = ?, version = version + 1
                 where id = ? and version = ?""", writes, JDBC_BATCH, (ps, w) -> {
                    int next = setFields(ps, w.lead());
                    ps.setBoolean(next, !w.before().status().key().equals(w.lead().status()));
                    ps.setTimestamp(next + 1, at);
                    ps.setTimestamp(next + 2, at);
                    ps.setObject(next + 3, actor);
                    ps.setObject(next + 4, w.id());
                    ps.setLong(next + 5, w.expectedVersion());
                });
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                updated[i++] = count > 0;
            }
        }
        return updated;
    }

    /** Sets a lead's columns from first name to sort name from parameter 1 on; answers the next parameter's index. */
    private static int setFields(PreparedStatement ps, LeadDraft l) throws SQLException {
        ps.setString(1, l.firstName());
        ps.setString(2, l.lastName());
        ps.setString(3, l.companyName());
        ps.setString(4, l.title());
        ps.setString(5, l.email());
        ps.setString(6, l.phone());
        ps.setString(7, l.source());
        ps.setString(8, l.status());
        ps.setString(9, l.disqualifiedReason());
        ps.setString(10, l.notes());
        ps.setObject(11, l.ownerId());
        ps.setBoolean(12, l.visibleToTeam());
        ps.setString(13, LeadRules.searchText(l));
        ps.setString(14, LeadRules.sortName(l));
        return 15;
    }
}
