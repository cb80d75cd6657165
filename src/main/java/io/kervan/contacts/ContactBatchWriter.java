package io.kervan.contacts;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creates and updates many contacts with the rules of {@link ContactService#create} and
 * {@link ContactService#update} — visibility, ownership, {@link ContactRules}, company links the user may
 * see — but with the reads and writes of the whole batch shared: one read of the stored contacts, one
 * of the linked companies' names, JDBC batches for the writes and one {@link RecordsChanged} event. Each
 * item the rules refuse is answered with the refusal, the others are written.
 */
@Component
class ContactBatchWriter {

    private final ContactBatchRepository batches;
    private final CompanyLinks companyLinks;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;
    private final ContactTableStatistics statistics;

    ContactBatchWriter(ContactBatchRepository batches, CompanyLinks companyLinks, Visibility visibility,
            ApplicationEventPublisher events, ContactTableStatistics statistics) {
        this.batches = batches;
        this.statistics = statistics;
        this.companyLinks = companyLinks;
        this.visibility = visibility;
        this.events = events;
    }

    List<BatchResult> write(List<ContactImports.BatchItem> items) {
        VisibilityScope scope = visibility.current();
        Map<UUID, ContactDetails> stored = batches.findAll(items.stream().filter(i -> i.existing() != null)
                .map(i -> i.existing().id()).toList());
        Set<UUID> requested = new LinkedHashSet<>();
        items.forEach(i -> requested.addAll(ContactRules.requestedCompanies(i.draft())));
        Map<UUID, String> visibleCompanies = companyLinks.visibleNames(requested);
        Map<UUID, Boolean> assignable = new HashMap<>();

        BatchResult[] results = new BatchResult[items.size()];
        List<ContactBatchRepository.Write> creates = new ArrayList<>();
        List<ContactBatchRepository.Write> updates = new ArrayList<>();
        List<Integer> createPositions = new ArrayList<>();
        List<Integer> updatePositions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ContactImports.BatchItem item = items.get(i);
            try {
                ContactBatchRepository.Write write = checked(scope, item, stored, visibleCompanies, assignable);
                (item.existing() == null ? creates : updates).add(write);
                (item.existing() == null ? createPositions : updatePositions).add(i);
            } catch (InvalidInputException | NotAllowedException | RecordNotFoundException e) {
                results[i] = BatchResult.refused(e);
            }
        }
        batches.insertAll(creates, scope.userId());
        statistics.written(creates.size());
        boolean[] wentThrough = batches.updateAll(updates, scope.userId());

        List<RecordChanged> changes = new ArrayList<>(creates.size() + updates.size());
        for (int i = 0; i < creates.size(); i++) {
            ContactBatchRepository.Write w = creates.get(i);
            results[createPositions.get(i)] = BatchResult.written(new ImportMatch(w.id(), 0));
            changes.add(RecordChanged.of(ContactService.RECORD_TYPE, w.id(), RecordChanged.Action.CREATED,
                    scope.userId(), ContactChanges.between(null, details(w)).changes()));
        }
        for (int i = 0; i < updates.size(); i++) {
            ContactBatchRepository.Write w = updates.get(i);
            int position = updatePositions.get(i);
            if (!wentThrough[i]) {
                results[position] = BatchResult.refused(
                        new StaleVersionException(ContactService.RECORD_TYPE, w.id()));
                continue;
            }
            results[position] = BatchResult.written(new ImportMatch(w.id(), w.expectedVersion() + 1));
            changes.add(RecordChanged.of(ContactService.RECORD_TYPE, w.id(), RecordChanged.Action.UPDATED,
                    scope.userId(), ContactChanges.between(stored.get(w.id()), details(w)).changes()));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
        }
        return List.of(results);
    }

    /** The item as it will be written, after the checks {@link ContactService} makes one contact at a time. */
    private ContactBatchRepository.Write checked(VisibilityScope scope, ContactImports.BatchItem item,
            Map<UUID, ContactDetails> stored, Map<UUID, String> visibleCompanies, Map<UUID, Boolean> assignable) {
        ContactDetails before = null;
        if (item.existing() == null) {
            if (!scope.canCreate()) {
                throw new NotAllowedException("Your role may not create contacts");
            }
        } else {
            UUID id = item.existing().id();
            before = stored.get(id);
            if (before == null || !scope.canView(before.ownerId(), before.visibleToTeam())) {
                throw new RecordNotFoundException(ContactService.RECORD_TYPE, id);
            }
            if (!scope.canEdit(before.ownerId())) {
                throw new NotAllowedException("You may see this contact but not change it");
            }
        }
        // As CompanyLinks.check: links the contact already had, plus the requested companies the user may see.
        Map<UUID, String> known = before == null ? new HashMap<>() : ContactRepository.names(before);
        for (UUID company : ContactRules.requestedCompanies(item.draft())) {
            String name = visibleCompanies.get(company);
            if (name != null) {
                known.put(company, name);
            }
        }
        ContactDraft contact = ContactRules.normalize(item.draft(), known::containsKey);
        UUID owner = before != null && contact.ownerId() == null ? before.ownerId()
                : owner(scope, contact.ownerId(), assignable);
        return before == null
                ? new ContactBatchRepository.Write(Ids.newId(), contact, known, owner,
                        item.externalId() == null ? null : ContactImports.EXTERNAL_SOURCE, item.externalId(), 0)
                : new ContactBatchRepository.Write(before.id(), contact, known, owner, null, null,
                        item.existing().version());
    }

    private UUID owner(VisibilityScope scope, UUID requested, Map<UUID, Boolean> assignable) {
        UUID owner = requested == null ? scope.userId() : requested;
        if (!assignable.computeIfAbsent(owner, o -> visibility.mayAssignTo(scope, o))) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        return owner;
    }

    /** The contact as stored after the write, for the change history (without the bookkeeping columns). */
    private static ContactDetails details(ContactBatchRepository.Write w) {
        ContactDraft c = w.contact();
        List<ContactDetails.LinkedCompany> links = c.companies().stream()
                .map(l -> new ContactDetails.LinkedCompany(l.companyId(), w.companyNames().getOrDefault(l.companyId(), ""),
                        l.role(), l.isPrimary()))
                .toList();
        return new ContactDetails(w.id(), c.firstName(), c.lastName(), c.title(), c.emails(), c.phones(), links,
                c.addressLine(), c.city(), c.country(), c.tags(), c.notes(), w.ownerId(), c.visibleToTeam(),
                w.externalSource(), w.externalId(), null, null, null, null, null, w.expectedVersion(), null);
    }
}
