package io.kervan.contacts;

import io.kervan.companies.CompanyService;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
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
 * The contacts module's API. Every method applies the signed-in user's visibility: a contact the user
 * may not see does not exist for them (404), one they may see but not change is a 403. Linked
 * companies are named only where the user may see them.
 */
@Service
public class ContactService {

    static final String RECORD_TYPE = "contact";
    /** The most contacts listed on a company's page. */
    static final int COMPANY_PAGE_LIMIT = 200;

    private final ContactRepository contacts;
    private final ContactQueries queries;
    private final CompanyLinks companyLinks;
    private final CompanyService companies;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    ContactService(ContactRepository contacts, ContactQueries queries, CompanyLinks companyLinks,
            CompanyService companies, Visibility visibility, ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.queries = queries;
        this.companyLinks = companyLinks;
        this.companies = companies;
        this.visibility = visibility;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Slice<ContactSummary> list(ContactFilter filter, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, ContactQueries.SORTABLE, ContactQueries.DEFAULT_SORT);
        Slice<ContactSummary> page = queries.list(visibility.current(), filter, order, Keyset.Cursor.decode(cursor),
                Keyset.limit(limit));
        return new Slice<>(companyLinks.forReader(page.items()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public ContactDetails get(UUID id) {
        return companyLinks.forReader(visible(visibility.current(), id));
    }

    /**
     * The names of those of {@code ids} the signed-in user may see, archived ones included: the linked contacts of
     * a record in one query, rather than each read whole by {@link #get} (four queries, and an exception for each
     * one the user may not see).
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> visibleNames(Collection<UUID> ids) {
        return queries.visibleNames(visibility.current(), List.copyOf(ids));
    }

    /**
     * The unarchived contacts of a company that the signed-in user may see, with their role there.
     *
     * @throws RecordNotFoundException when the user may not see the company
     */
    @Transactional(readOnly = true)
    public List<CompanyContact> ofCompany(UUID companyId) {
        companies.get(companyId);
        return queries.ofCompany(visibility.current(), companyId, COMPANY_PAGE_LIMIT);
    }

    /** Whether the signed-in user may change this contact (for showing edit buttons). */
    @Transactional(readOnly = true)
    public boolean canEdit(ContactDetails contact) {
        return visibility.current().canEdit(contact.ownerId());
    }

    /** Whether the signed-in user may create contacts at all. */
    @Transactional(readOnly = true)
    public boolean canCreate() {
        return visibility.current().canCreate();
    }

    @Transactional
    public ContactDetails create(ContactDraft draft) {
        return create(draft, null, null);
    }

    @Transactional
    public ContactDetails create(ContactDraft draft, String externalSource, String externalId) {
        VisibilityScope scope = visibility.current();
        if (!scope.canCreate()) {
            throw new NotAllowedException("Your role may not create contacts");
        }
        CompanyLinks.Checked checked = companyLinks.check(draft, null);
        UUID owner = owner(scope, checked.contact().ownerId());
        UUID id = Ids.newId();
        contacts.insert(id, checked.contact(), checked.companyNames(), owner, scope.userId(), externalSource,
                externalId);
        ContactDetails created = contacts.findById(id).orElseThrow();
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, scope.userId(),
                ContactChanges.between(null, created).changes()));
        return companyLinks.forReader(created);
    }

    @Transactional
    public ContactDetails update(UUID id, ContactDraft draft, long expectedVersion) {
        VisibilityScope scope = visibility.current();
        ContactDetails before = editable(scope, id);
        CompanyLinks.Checked checked = companyLinks.check(draft, before);
        ContactDraft contact = checked.contact();
        UUID owner = contact.ownerId() == null ? before.ownerId() : owner(scope, contact.ownerId());
        if (!contacts.update(id, before, contact, checked.companyNames(), owner, scope.userId(), expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        ContactDetails after = contacts.findById(id).orElseThrow();
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED, scope.userId(),
                ContactChanges.between(before, after).changes()));
        return companyLinks.forReader(after);
    }

    /**
     * Creates or updates the contact known under an external system's id (for ERP and e-commerce sync).
     *
     * @return the stored contact and whether it was created
     */
    @Transactional
    public Upserted upsertByExternalId(String source, String externalId, ContactDraft draft) {
        Optional<ContactDetails> existing = contacts.findByExternalId(source, externalId);
        if (existing.isEmpty()) {
            return new Upserted(create(draft, source, externalId), true);
        }
        ContactDetails current = visible(visibility.current(), existing.get().id());
        return new Upserted(update(current.id(), draft, current.version()), false);
    }

    public record Upserted(ContactDetails contact, boolean created) {
    }

    @Transactional
    public ContactDetails archive(UUID id, Long expectedVersion) {
        return setArchived(id, true, expectedVersion);
    }

    @Transactional
    public ContactDetails unarchive(UUID id, Long expectedVersion) {
        return setArchived(id, false, expectedVersion);
    }

    private ContactDetails setArchived(UUID id, boolean archived, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        ContactDetails before = editable(scope, id);
        if (before.archived() == archived) {
            return companyLinks.forReader(before);
        }
        long version = expectedVersion == null ? before.version() : expectedVersion;
        if (!contacts.setArchived(id, archived, scope.userId(), version)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id,
                archived ? RecordChanged.Action.ARCHIVED : RecordChanged.Action.UNARCHIVED, scope.userId(), List.of()));
        return companyLinks.forReader(contacts.findById(id).orElseThrow());
    }

    private ContactDetails visible(VisibilityScope scope, UUID id) {
        return contacts.findById(id).filter(c -> scope.canView(c.ownerId(), c.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    private ContactDetails editable(VisibilityScope scope, UUID id) {
        ContactDetails contact = visible(scope, id);
        if (!scope.canEdit(contact.ownerId())) {
            throw new NotAllowedException("You may see this contact but not change it");
        }
        return contact;
    }

    private UUID owner(VisibilityScope scope, UUID requested) {
        UUID owner = requested == null ? scope.userId() : requested;
        if (!visibility.mayAssignTo(scope, owner)) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        return owner;
    }
}
