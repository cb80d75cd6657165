package io.kervan.leads;

import io.kervan.companies.CompanyFilter;
import io.kervan.companies.CompanyService;
import io.kervan.companies.CompanySummary;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.ChangeSet;
import io.kervan.shared.ConflictException;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leads module's API. Every method applies the signed-in user's visibility: a lead the user may
 * not see does not exist for them (404), one they may see but not change is a 403.
 */
@Service
public class LeadService {

    /** The {@code recordType} of this module's {@link RecordChanged} events. */
    public static final String RECORD_TYPE = "lead";

    private final LeadRepository leads;
    private final LeadQueries queries;
    private final LeadSourceService sources;
    private final LeadConverter converter;
    private final CompanyService companies;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    LeadService(LeadRepository leads, LeadQueries queries, LeadSourceService sources, LeadConverter converter,
            CompanyService companies, Visibility visibility, ApplicationEventPublisher events) {
        this.leads = leads;
        this.queries = queries;
        this.sources = sources;
        this.converter = converter;
        this.companies = companies;
        this.visibility = visibility;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Slice<LeadSummary> list(LeadFilter filter, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, LeadQueries.SORTABLE, LeadQueries.DEFAULT_SORT);
        String status = null;
        if (filter.status() != null && !filter.status().isBlank()) {
            status = LeadStatus.parse(filter.status())
                    .orElseThrow(() -> new InvalidInputException("status", "leads.validation.status")).key();
        }
        String source = filter.source() == null || filter.source().isBlank() ? null : filter.source().strip();
        LeadFilter clean = new LeadFilter(filter.query(), status, source, filter.ownerId(), filter.includeArchived());
        return queries.list(visibility.current(), clean, order, Keyset.Cursor.decode(cursor), Keyset.limit(limit));
    }

    @Transactional(readOnly = true)
    public LeadDetails get(UUID id) {
        return visible(visibility.current(), id);
    }

    /** Whether the signed-in user may change this lead (for showing edit buttons). */
    @Transactional(readOnly = true)
    public boolean canEdit(LeadDetails lead) {
        return visibility.current().canEdit(lead.ownerId());
    }

    @Transactional
    public LeadDetails create(LeadDraft draft) {
        return create(draft, null, null);
    }

    @Transactional
    public LeadDetails create(LeadDraft draft, String externalSource, String externalId) {
        VisibilityScope scope = visibility.current();
        if (!scope.canCreate()) {
            throw new NotAllowedException("Your role may not create leads");
        }
        LeadDraft lead = LeadRules.normalize(draft, key -> activeSource(key));
        UUID owner = owner(scope, lead.ownerId());
        UUID id = Ids.newId();
        leads.insert(id, lead, owner, scope.userId(), externalSource, externalId);
        LeadDetails created = leads.findById(id).orElseThrow();
        publish(id, RecordChanged.Action.CREATED, scope, changes(null, created));
        return created;
    }

    /**
     * Changes the lead. The first status change after creation sets the first-response time. A converted
     * lead is history and cannot be changed any more (409); archiving it is still possible.
     */
    @Transactional
    public LeadDetails update(UUID id, LeadDraft draft, long expectedVersion) {
        VisibilityScope scope = visibility.current();
        LeadDetails before = editable(scope, id);
        if (before.converted()) {
            throw new ConflictException("This lead was converted already; change the contact instead");
        }
        LeadDraft lead = LeadRules.normalize(draft,
                key -> key.equals(before.source()) || activeSource(key));
        UUID owner = lead.ownerId() == null ? before.ownerId() : owner(scope, lead.ownerId());
        if (!leads.update(id, lead, owner, scope.userId(), expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        LeadDetails after = leads.findById(id).orElseThrow();
        publish(id, RecordChanged.Action.UPDATED, scope, changes(before, after));
        return after;
    }

    /** Moves the lead to another status; {@code disqualified} needs a reason. */
    @Transactional
    public LeadDetails changeStatus(UUID id, String status, String disqualifiedReason, Long expectedVersion) {
        LeadDetails current = get(id);
        LeadDraft d = current.toDraft();
        return update(id, new LeadDraft(d.firstName(), d.lastName(), d.companyName(), d.title(), d.email(), d.phone(),
                d.source(), status, disqualifiedReason, d.notes(), d.ownerId(), d.visibleToTeam()),
                expectedVersion == null ? current.version() : expectedVersion);
    }

    /**
     * Records that someone responded to the lead (an activity was logged, a message sent) at {@code at},
     * unless a response was recorded before. For the activities module; applies no visibility (the caller
     * has checked its own record). The version is not changed, so that an open edit form does not go stale.
     *
     * @return whether this was the first response
     */
    @Transactional
    public boolean recordFirstResponse(UUID leadId, Instant at) {
        boolean first = leads.recordFirstResponse(leadId, at == null ? Instant.now() : at);
        if (first) {
            LeadDetails lead = leads.findById(leadId).orElseThrow();
            events.publishEvent(RecordChanged.of(RECORD_TYPE, leadId, RecordChanged.Action.UPDATED, null,
                    new ChangeSet().compare("firstResponseAt", null, LeadChanges.seconds(lead.firstResponseAt())).changes()));
        }
        return first;
    }

    /**
     * Converts a qualified lead into a contact and a company (an existing visible one or a new one), in
     * one transaction: if any step fails, nothing is created and the lead is unchanged.
     */
    @Transactional
    public LeadConversion convert(UUID id, LeadConversion.Request request) {
        VisibilityScope scope = visibility.current();
        LeadDetails lead = leads.lock(id).filter(l -> scope.canView(l.ownerId(), l.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
        if (!scope.canEdit(lead.ownerId())) {
            throw new NotAllowedException("You may see this lead but not change it");
        }
        LeadConversion result = converter.convert(lead, request);
        if (!leads.markConverted(id, result.contactId(), result.companyId(), result.dealId(), scope.userId(),
                lead.version())) {
            throw new ConflictException("This lead was converted already");
        }
        publish(id, RecordChanged.Action.UPDATED, scope, changes(lead, leads.findById(id).orElseThrow()));
        return result;
    }

    /**
     * Companies the user may see whose folded name matches the lead's company name, best first: the
     * existing companies a conversion may link to instead of making a new one. Empty without a company
     * name or once converted.
     */
    @Transactional(readOnly = true)
    public List<CompanySummary> companyMatches(UUID id) {
        LeadDetails lead = get(id);
        if (lead.companyName() == null || lead.converted()) {
            return List.of();
        }
        return companies.list(new CompanyFilter(lead.companyName(), null, false), null, null, 10).items();
    }

    /**
     * Creates or updates the lead known under an external system's id (web forms, ad platforms, imports).
     *
     * @return the stored lead and whether it was created
     */
    @Transactional
    public Upserted upsertByExternalId(String source, String externalId, LeadDraft draft) {
        Optional<LeadDetails> existing = leads.findByExternalId(source, externalId);
        if (existing.isEmpty()) {
            return new Upserted(create(draft, source, externalId), true);
        }
        LeadDetails current = visible(visibility.current(), existing.get().id());
        return new Upserted(update(current.id(), draft, current.version()), false);
    }

    public record Upserted(LeadDetails lead, boolean created) {
    }

    @Transactional
    public LeadDetails archive(UUID id, Long expectedVersion) {
        return setArchived(id, true, expectedVersion);
    }

    @Transactional
    public LeadDetails unarchive(UUID id, Long expectedVersion) {
        return setArchived(id, false, expectedVersion);
    }

    private LeadDetails setArchived(UUID id, boolean archived, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        LeadDetails before = editable(scope, id);
        if (before.archived() == archived) {
            return before;
        }
        long version = expectedVersion == null ? before.version() : expectedVersion;
        if (!leads.setArchived(id, archived, scope.userId(), version)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id,
                archived ? RecordChanged.Action.ARCHIVED : RecordChanged.Action.UNARCHIVED, scope.userId(), List.of()));
        return leads.findById(id).orElseThrow();
    }

    private boolean activeSource(String key) {
        return sources.byKey(key).filter(LeadSource::active).isPresent();
    }

    private LeadDetails visible(VisibilityScope scope, UUID id) {
        return leads.findById(id).filter(l -> scope.canView(l.ownerId(), l.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    private LeadDetails editable(VisibilityScope scope, UUID id) {
        LeadDetails lead = visible(scope, id);
        if (!scope.canEdit(lead.ownerId())) {
            throw new NotAllowedException("You may see this lead but not change it");
        }
        return lead;
    }

    private UUID owner(VisibilityScope scope, UUID requested) {
        UUID owner = requested == null ? scope.userId() : requested;
        if (!visibility.mayAssignTo(scope, owner)) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        return owner;
    }

    private void publish(UUID id, RecordChanged.Action action, VisibilityScope scope, ChangeSet changes) {
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, action, scope.userId(), changes.changes()));
    }

    private static ChangeSet changes(LeadDetails b, LeadDetails a) {
        return LeadChanges.between(b, a);
    }
}
