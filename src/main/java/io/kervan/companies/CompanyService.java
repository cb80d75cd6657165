package io.kervan.companies;

import io.kervan.identity.CurrentUser;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.ChangeSet;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The companies module's API. Every method applies the signed-in user's visibility: a company the
 * user may not see does not exist for them (404), one they may see but not change is a 403.
 */
@Service
public class CompanyService {

    /** The {@code recordType} of this module's {@link RecordChanged} events. */
    public static final String RECORD_TYPE = "company";

    private final CompanyRepository companies;
    private final CompanyQueries queries;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    CompanyService(CompanyRepository companies, CompanyQueries queries, Visibility visibility,
            ApplicationEventPublisher events) {
        this.companies = companies;
        this.queries = queries;
        this.visibility = visibility;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Slice<CompanySummary> list(CompanyFilter filter, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, CompanyQueries.SORTABLE, CompanyQueries.DEFAULT_SORT);
        return queries.list(visibility.current(), filter, order, Keyset.Cursor.decode(cursor), Keyset.limit(limit));
    }

    @Transactional(readOnly = true)
    public CompanyDetails get(UUID id) {
        return visible(visibility.current(), id);
    }

    /** Whether the signed-in user may change this company (for showing edit buttons). */
    @Transactional(readOnly = true)
    public boolean canEdit(CompanyDetails company) {
        return visibility.current().canEdit(company.ownerId());
    }

    /** Names of those of the given companies that the signed-in user may see. */
    @Transactional(readOnly = true)
    public Map<UUID, String> visibleNames(Collection<UUID> ids) {
        return queries.visibleNames(visibility.current(), List.copyOf(ids));
    }

    @Transactional
    public CompanyDetails create(CompanyDraft draft) {
        return create(draft, null, null);
    }

    @Transactional
    public CompanyDetails create(CompanyDraft draft, String externalSource, String externalId) {
        VisibilityScope scope = visibility.current();
        if (!scope.canCreate()) {
            throw new NotAllowedException("Your role may not create companies");
        }
        CompanyDraft company = CompanyRules.normalize(draft);
        UUID owner = owner(scope, company.ownerId());
        UUID id = Ids.newId();
        companies.insert(id, company, owner, scope.userId(), externalSource, externalId);
        CompanyDetails created = companies.findById(id).orElseThrow();
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, scope.userId(),
                changes(null, created).changes()));
        return created;
    }

    @Transactional
    public CompanyDetails update(UUID id, CompanyDraft draft, long expectedVersion) {
        VisibilityScope scope = visibility.current();
        CompanyDetails before = editable(scope, id);
        CompanyDraft company = CompanyRules.normalize(draft);
        UUID owner = company.ownerId() == null ? before.ownerId() : owner(scope, company.ownerId());
        if (!companies.update(id, company, owner, scope.userId(), expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        CompanyDetails after = companies.findById(id).orElseThrow();
        ChangeSet changes = changes(before, after);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED, scope.userId(),
                changes.changes()));
        return after;
    }

    /**
     * Creates or updates the company known under an external system's id (for ERP and e-commerce sync).
     *
     * @return the stored company and whether it was created
     */
    @Transactional
    public Upserted upsertByExternalId(String source, String externalId, CompanyDraft draft) {
        Optional<CompanyDetails> existing = companies.findByExternalId(source, externalId);
        if (existing.isEmpty()) {
            return new Upserted(create(draft, source, externalId), true);
        }
        CompanyDetails current = visible(visibility.current(), existing.get().id());
        return new Upserted(update(current.id(), draft, current.version()), false);
    }

    public record Upserted(CompanyDetails company, boolean created) {
    }

    @Transactional
    public CompanyDetails archive(UUID id, Long expectedVersion) {
        return setArchived(id, true, expectedVersion);
    }

    @Transactional
    public CompanyDetails unarchive(UUID id, Long expectedVersion) {
        return setArchived(id, false, expectedVersion);
    }

    private CompanyDetails setArchived(UUID id, boolean archived, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        CompanyDetails before = editable(scope, id);
        if (before.archived() == archived) {
            return before;
        }
        long version = expectedVersion == null ? before.version() : expectedVersion;
        if (!companies.setArchived(id, archived, scope.userId(), version)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id,
                archived ? RecordChanged.Action.ARCHIVED : RecordChanged.Action.UNARCHIVED, scope.userId(), List.of()));
        return companies.findById(id).orElseThrow();
    }

    private CompanyDetails visible(VisibilityScope scope, UUID id) {
        return companies.findById(id).filter(c -> scope.canView(c.ownerId(), c.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    private CompanyDetails editable(VisibilityScope scope, UUID id) {
        CompanyDetails company = visible(scope, id);
        if (!scope.canEdit(company.ownerId())) {
            throw new NotAllowedException("You may see this company but not change it");
        }
        return company;
    }

    private UUID owner(VisibilityScope scope, UUID requested) {
        UUID owner = requested == null ? scope.userId() : requested;
        if (!visibility.mayAssignTo(scope, owner)) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        return owner;
    }

    private static ChangeSet changes(CompanyDetails before, CompanyDetails after) {
        return CompanyChanges.between(before == null ? null : before.toDraft(), after.toDraft());
    }
}
