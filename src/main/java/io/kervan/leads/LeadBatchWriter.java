package io.kervan.leads;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.imports.ImportMatch;
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
 * Creates many leads with the rules of {@link LeadService#create} — may the user create leads, the owner they may
 * assign, {@link LeadRules#normalize} with the active sources — but with sources and owners checked once per
 * batch, the rows inserted as one JDBC batch (multi-row inserts) and one {@link RecordsChanged} event. Each item
 * the rules refuse is answered with the refusal, the others are written.
 */
@Component
class LeadBatchWriter {

    private static final int JDBC_BATCH = 1000;

    private final JdbcTemplate template;
    private final LeadSourceService sources;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    LeadBatchWriter(JdbcTemplate template, LeadSourceService sources, Visibility visibility,
            ApplicationEventPublisher events) {
        this.template = template;
        this.sources = sources;
        this.visibility = visibility;
        this.events = events;
    }

    private record Write(UUID id, LeadDraft lead, String externalId) {
    }

    List<LeadImports.BatchResult> create(List<LeadImports.NewLead> items) {
        VisibilityScope scope = visibility.current();
        Map<String, Boolean> activeSources = new HashMap<>();
        Map<UUID, Boolean> assignable = new HashMap<>();
        LeadImports.BatchResult[] results = new LeadImports.BatchResult[items.size()];
        List<Write> writes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LeadImports.NewLead item = items.get(i);
            try {
                if (!scope.canCreate()) {
                    throw new NotAllowedException("Your role may not create leads");
                }
                LeadDraft l = LeadRules.normalize(item.draft(), key -> activeSources.computeIfAbsent(key,
                        k -> sources.byKey(k).filter(LeadSource::active).isPresent()));
                UUID owner = l.ownerId() == null ? scope.userId() : l.ownerId();
                if (!assignable.computeIfAbsent(owner, o -> visibility.mayAssignTo(scope, o))) {
                    throw new InvalidInputException("ownerId", "validation.owner");
                }
                writes.add(new Write(Ids.newId(), new LeadDraft(l.firstName(), l.lastName(), l.companyName(), l.title(),
                        l.email(), l.phone(), l.source(), l.status(), l.disqualifiedReason(), l.notes(), owner,
                        l.visibleToTeam()), item.externalId()));
                positions.add(i);
            } catch (InvalidInputException | NotAllowedException e) {
                results[i] = new LeadImports.BatchResult(null, e);
            }
        }
        Instant now = Instant.now();
        insertAll(writes, scope.userId(), now);
        List<RecordChanged> changes = new ArrayList<>(writes.size());
        for (int w = 0; w < writes.size(); w++) {
            Write write = writes.get(w);
            results[positions.get(w)] = new LeadImports.BatchResult(new ImportMatch(write.id(), 0), null);
            changes.add(RecordChanged.of(LeadService.RECORD_TYPE, write.id(), RecordChanged.Action.CREATED,
                    scope.userId(), LeadChanges.between(null, details(write, scope.userId(), now)).changes()));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
        }
        return List.of(results);
    }

    /** The lead as stored after the write, for the change history. */
    private static LeadDetails details(Write w, UUID actor, Instant now) {
        LeadDraft l = w.lead();
        return new LeadDetails(w.id(), l.firstName(), l.lastName(), l.companyName(), l.title(), l.email(), l.phone(),
                l.source(), LeadStatus.parse(l.status()).orElseThrow(), l.disqualifiedReason(), l.notes(), l.ownerId(),
                l.visibleToTeam(), null, null, null, null, null,
                w.externalId() == null ? null : LeadImports.EXTERNAL_SOURCE, w.externalId(), null, now, now, actor,
                actor, 0, null);
    }

    /** The same columns and derived values as {@link LeadRepository#insert}, for the whole batch at once. */
    private void insertAll(List<Write> writes, UUID actor, Instant now) {
        if (writes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                insert into leads (id, first_name, last_name, company_name, title, email, phone, source_key, status,
                    disqualified_reason, notes, owner_id, visible_to_team, external_source, external_id, search_text,
                    sort_name, created_at, updated_at, created_by, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                writes, JDBC_BATCH, (ps, w) -> {
                    LeadDraft l = w.lead();
                    ps.setObject(1, w.id());
                    ps.setString(2, l.firstName());
                    ps.setString(3, l.lastName());
                    ps.setString(4, l.companyName());
                    ps.setString(5, l.title());
                    ps.setString(6, l.email());
                    ps.setString(7, l.phone());
                    ps.setString(8, l.source());
                    ps.setString(9, l.status());
                    ps.setString(10, l.disqualifiedReason());
                    ps.setString(11, l.notes());
                    ps.setObject(12, l.ownerId());
                    ps.setBoolean(13, l.visibleToTeam());
                    ps.setString(14, w.externalId() == null ? null : LeadImports.EXTERNAL_SOURCE);
                    ps.setString(15, w.externalId());
                    ps.setString(16, LeadRules.searchText(l));
                    ps.setString(17, LeadRules.sortName(l));
                    ps.setTimestamp(18, at);
                    ps.setTimestamp(19, at);
                    ps.setObject(20, actor);
                    ps.setObject(21, actor);
                });
    }
}
