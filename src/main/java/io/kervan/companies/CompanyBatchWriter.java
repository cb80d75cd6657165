package io.kervan.companies;

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
 * Creates many companies with the rules of {@link CompanyService#create} — may the user create companies, the
 * owner they may assign, {@link CompanyRules#normalize} — but with the owners checked once per batch, the rows
 * inserted as one JDBC batch (multi-row inserts) and one {@link RecordsChanged} event. Each item the rules
 * refuse is answered with the refusal, the others are written.
 */
@Component
class CompanyBatchWriter {

    private static final int JDBC_BATCH = 1000;

    private final JdbcTemplate template;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    CompanyBatchWriter(JdbcTemplate template, Visibility visibility, ApplicationEventPublisher events) {
        this.template = template;
        this.visibility = visibility;
        this.events = events;
    }

    private record Write(UUID id, CompanyDraft company, String externalId) {
    }

    List<CompanyImports.BatchResult> create(List<CompanyImports.NewCompany> items) {
        VisibilityScope scope = visibility.current();
        Map<UUID, Boolean> assignable = new HashMap<>();
        CompanyImports.BatchResult[] results = new CompanyImports.BatchResult[items.size()];
        List<Write> writes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CompanyImports.NewCompany item = items.get(i);
            try {
                if (!scope.canCreate()) {
                    throw new NotAllowedException("Your role may not create companies");
                }
                CompanyDraft c = CompanyRules.normalize(item.draft());
                UUID owner = c.ownerId() == null ? scope.userId() : c.ownerId();
                if (!assignable.computeIfAbsent(owner, o -> visibility.mayAssignTo(scope, o))) {
                    throw new InvalidInputException("ownerId", "validation.owner");
                }
                writes.add(new Write(Ids.newId(), withOwner(c, owner), item.externalId()));
                positions.add(i);
            } catch (InvalidInputException | NotAllowedException e) {
                results[i] = new CompanyImports.BatchResult(null, e);
            }
        }
        insertAll(writes, scope.userId());
        List<RecordChanged> changes = new ArrayList<>(writes.size());
        for (int w = 0; w < writes.size(); w++) {
            Write write = writes.get(w);
            results[positions.get(w)] = new CompanyImports.BatchResult(new ImportMatch(write.id(), 0), null);
            changes.add(RecordChanged.of(CompanyService.RECORD_TYPE, write.id(), RecordChanged.Action.CREATED,
                    scope.userId(), CompanyChanges.between(null, write.company()).changes()));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
        }
        return List.of(results);
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
                insert into companies (id, name, sector, size_band, annual_revenue, revenue_currency, website, email,
                    phone, address_line, city, country, tax_number, tags, notes, owner_id, visible_to_team,
                    external_source, external_id, search_text, sort_name, created_at, updated_at, created_by,
                    updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                writes, JDBC_BATCH, (ps, w) -> {
                    CompanyDraft c = w.company();
                    ps.setObject(1, w.id());
                    ps.setString(2, c.name());
                    ps.setString(3, c.sector());
                    ps.setString(4, c.sizeBand() == null ? null : c.sizeBand().name());
                    ps.setBigDecimal(5, c.annualRevenue());
                    ps.setString(6, c.revenueCurrency());
                    ps.setString(7, c.website());
                    ps.setString(8, c.email());
                    ps.setString(9, c.phone());
                    ps.setString(10, c.addressLine());
                    ps.setString(11, c.city());
                    ps.setString(12, c.country());
                    ps.setString(13, c.taxNumber());
                    ps.setArray(14, ps.getConnection().createArrayOf("text", c.tags().toArray()));
                    ps.setString(15, c.notes());
                    ps.setObject(16, c.ownerId());
                    ps.setBoolean(17, c.visibleToTeam());
                    ps.setString(18, w.externalId() == null ? null : CompanyImports.EXTERNAL_SOURCE);
                    ps.setString(19, w.externalId());
                    ps.setString(20, CompanyRules.searchText(c));
                    ps.setString(21, CompanyRules.sortName(c));
                    ps.setTimestamp(22, now);
                    ps.setTimestamp(23, now);
                    ps.setObject(24, actor);
                    ps.setObject(25, actor);
                });
    }
}
