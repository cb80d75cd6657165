package io.kervan.companies;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
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
 * Creates and updates many companies with the rules of {@link CompanyService#create} and
 * {@link CompanyService#update} — may the user create companies, see and change the stored one, the owner they may
 * assign, {@link CompanyRules#normalize} — but with the stored companies read in one query, the owners checked once
 * per batch, the writes sent as JDBC batches (inserts as multi-row inserts, updates with the version check per row)
 * and one {@link RecordsChanged} event. Each item the rules refuse is answered with the refusal, a company whose
 * version moved on as "changed meanwhile"; the others are written.
 */
@Component
class CompanyBatchWriter {

    private static final int JDBC_BATCH = 1000;

    private final JdbcTemplate template;
    private final CompanyRepository companies;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    CompanyBatchWriter(JdbcTemplate template, CompanyRepository companies, Visibility visibility,
            ApplicationEventPublisher events) {
        this.template = template;
        this.companies = companies;
        this.visibility = visibility;
        this.events = events;
    }

    /**
     * @param before the stored company an update changes, {@code null} for a new one
     * @param expectedVersion the version the import matched, which the update requires
     */
    private record Write(UUID id, CompanyDraft company, String externalId, CompanyDetails before,
            long expectedVersion) {
    }

    List<BatchResult> write(List<CompanyImports.BatchItem> items) {
        VisibilityScope scope = visibility.current();
        Map<UUID, CompanyDetails> stored = companies.findAll(items.stream().filter(i -> i.existing() != null)
                .map(i -> i.existing().id()).toList());
        Map<UUID, Boolean> assignable = new HashMap<>();
        BatchResult[] results = new BatchResult[items.size()];
        List<Write> creates = new ArrayList<>();
        List<Write> updates = new ArrayList<>();
        List<Integer> createPositions = new ArrayList<>();
        List<Integer> updatePositions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CompanyImports.BatchItem item = items.get(i);
            try {
                Write write = checked(scope, item, stored, assignable);
                (write.before() == null ? creates : updates).add(write);
                (write.before() == null ? createPositions : updatePositions).add(i);
            } catch (InvalidInputException | NotAllowedException | RecordNotFoundException e) {
                results[i] = BatchResult.refused(e);
            }
        }
        insertAll(creates, scope.userId());
        boolean[] wentThrough = updateAll(updates, scope.userId());
        List<RecordChanged> changes = new ArrayList<>(creates.size() + updates.size());
        for (int w = 0; w < creates.size(); w++) {
            Write write = creates.get(w);
            results[createPositions.get(w)] = BatchResult.written(new ImportMatch(write.id(), 0));
            changes.add(RecordChanged.of(CompanyService.RECORD_TYPE, write.id(), RecordChanged.Action.CREATED,
                    scope.userId(), CompanyChanges.between(null, write.company()).changes()));
        }
        for (int w = 0; w < updates.size(); w++) {
            Write write = updates.get(w);
            if (!wentThrough[w]) {
                results[updatePositions.get(w)] = BatchResult.refused(
                        new StaleVersionException(CompanyService.RECORD_TYPE, write.id()));
                continue;
            }
            results[updatePositions.get(w)] = BatchResult.written(
                    new ImportMatch(write.id(), write.expectedVersion() + 1));
            changes.add(RecordChanged.of(CompanyService.RECORD_TYPE, write.id(), RecordChanged.Action.UPDATED,
                    scope.userId(), CompanyChanges.between(write.before().toDraft(), write.company()).changes()));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
        }
        return List.of(results);
    }

    /** The item as it will be written, after the checks {@link CompanyService} makes one company at a time. */
    private Write checked(VisibilityScope scope, CompanyImports.BatchItem item, Map<UUID, CompanyDetails> stored,
            Map<UUID, Boolean> assignable) {
        CompanyDetails before = null;
        if (item.existing() == null) {
            if (!scope.canCreate()) {
                throw new NotAllowedException("Your role may not create companies");
            }
        } else {
            UUID id = item.existing().id();
            before = stored.get(id);
            if (before == null || !scope.canView(before.ownerId(), before.visibleToTeam())) {
                throw new RecordNotFoundException(CompanyService.RECORD_TYPE, id);
            }
            if (!scope.canEdit(before.ownerId())) {
                throw new NotAllowedException("You may see this company but not change it");
            }
        }
        CompanyDraft c = CompanyRules.normalize(item.draft());
        UUID owner = before != null && c.ownerId() == null ? before.ownerId()
                : c.ownerId() == null ? scope.userId() : c.ownerId();
        if ((before == null || c.ownerId() != null)
                && !assignable.computeIfAbsent(owner, o -> visibility.mayAssignTo(scope, o))) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        return new Write(before == null ? Ids.newId() : before.id(), withOwner(c, owner),
                before == null ? item.externalId() : null, before, before == null ? 0 : item.existing().version());
    }

    private static CompanyDraft withOwner(CompanyDraft c, UUID owner) {
        return new CompanyDraft(c.name(), c.sector(), c.sizeBand(), c.annualRevenue(), c.revenueCurrency(),
                c.website(), c.email(), c.phone(), c.addressLine(), c.city(), c.country(), c.taxNumber(), c.tags(),
                c.notes(), owner, c.visibleToTeam());
    }

    /** The same columns and derived values as {@link CompanyRepository#insert}, for the whole batch at once. */
    private void insertAll(List<Write> writes, UUID actor) {
        if (writes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        template.batchUpdate("""
                insert into companies (name, sector, size_band, annual_revenue, revenue_currency, website, email, phone,
                    address_line, city, country, tax_number, tags, notes, owner_id, visible_to_team, search_text,
                    sort_name, id, external_source, external_id, created_at, updated_at, created_by, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                writes, JDBC_BATCH, (ps, w) -> {
                    int next = setFields(ps, w.company());
                    ps.setObject(next, w.id());
                    ps.setString(next + 1, w.externalId() == null ? null : CompanyImports.EXTERNAL_SOURCE);
                    ps.setString(next + 2, w.externalId());
                    ps.setTimestamp(next + 3, now);
                    ps.setTimestamp(next + 4, now);
                    ps.setObject(next + 5, actor);
                    ps.setObject(next + 6, actor);
                });
    }

    /** The same columns as {@link CompanyRepository#update}, each row only if its version is still the one read. */
    private boolean[] updateAll(List<Write> writes, UUID actor) {
        boolean[] updated = new boolean[writes.size()];
        if (writes.isEmpty()) {
            return updated;
        }
        int[][] counts = template.batchUpdate("""
                update companies set name = ?, sector = ?, size_band = ?, annual_revenue = ?, revenue_currency = ?,
                    website = ?, email = ?, phone = ?, address_line = ?, city = ?, country = ?, tax_number = ?, tags = ?,
                    notes = ?, owner_id = ?, visible_to_team = ?, search_text = ?, sort_name = ?, updated_at = now(),
                    updated_by = ?, version = version + 1
                 where id = ? and version = ?""", writes, JDBC_BATCH, (ps, w) -> {
                    int next = setFields(ps, w.company());
                    ps.setObject(next, actor);
                    ps.setObject(next + 1, w.id());
                    ps.setLong(next + 2, w.expectedVersion());
                });
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                updated[i++] = count > 0;
            }
        }
        return updated;
    }

    /** Sets a company's columns from name to sort name from parameter 1 on; answers the next parameter's index. */
    private static int setFields(PreparedStatement ps, CompanyDraft c) throws SQLException {
        ps.setString(1, c.name());
        ps.setString(2, c.sector());
        ps.setString(3, c.sizeBand() == null ? null : c.sizeBand().name());
        ps.setBigDecimal(4, c.annualRevenue());
        ps.setString(5, c.revenueCurrency());
        ps.setString(6, c.website());
        ps.setString(7, c.email());
        ps.setString(8, c.phone());
        ps.setString(9, c.addressLine());
        ps.setString(10, c.city());
        ps.setString(11, c.country());
        ps.setString(12, c.taxNumber());
        ps.setArray(13, ps.getConnection().createArrayOf("text", c.tags().toArray()));
        ps.setString(14, c.notes());
        ps.setObject(15, c.ownerId());
        ps.setBoolean(16, c.visibleToTeam());
        ps.setString(17, CompanyRules.searchText(c));
        ps.setString(18, CompanyRules.sortName(c));
        return 19;
    }
}
