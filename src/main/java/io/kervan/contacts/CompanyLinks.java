package io.kervan.contacts;

import io.kervan.companies.CompanyService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Contacts' view of companies, always through {@link CompanyService}: which companies a contact may be
 * linked to, and which names a reader may see.
 */
@Component
class CompanyLinks {

    private final CompanyService companies;

    CompanyLinks(CompanyService companies) {
        this.companies = companies;
    }

    /** A normalised contact with the names of its linked companies (for its search text). */
    record Checked(ContactDraft contact, Map<UUID, String> companyNames) {
    }

    /**
     * Validates the draft. A link must point to a company the user may see, or be one the contact already
     * had (a teammate may keep a link to a company they cannot see themselves).
     *
     * @param before the stored contact being changed, {@code null} on create
     */
    Checked check(ContactDraft draft, ContactDetails before) {
        Map<UUID, String> known = before == null ? new HashMap<>() : ContactRepository.names(before);
        known.putAll(companies.visibleNames(ContactRules.requestedCompanies(draft)));
        ContactDraft contact = ContactRules.normalize(draft, known::containsKey);
        return new Checked(contact, known);
    }

    /** The contact with the names of the linked companies the signed-in user may see (others {@code null}). */
    ContactDetails forReader(ContactDetails contact) {
        Map<UUID, String> names = visibleNames(contact.companies().stream()
                .map(ContactDetails.LinkedCompany::companyId).toList());
        List<ContactDetails.LinkedCompany> links = contact.companies().stream()
                .map(c -> new ContactDetails.LinkedCompany(c.companyId(), names.get(c.companyId()), c.role(),
                        c.primary()))
                .toList();
        return new ContactDetails(contact.id(), contact.firstName(), contact.lastName(), contact.title(),
                contact.emails(), contact.phones(), links, contact.addressLine(), contact.city(), contact.country(),
                contact.tags(), contact.notes(), contact.ownerId(), contact.visibleToTeam(), contact.externalSource(),
                contact.externalId(), contact.archivedAt(), contact.createdAt(), contact.updatedAt(),
                contact.createdBy(), contact.updatedBy(), contact.version(), contact.lastActivityAt());
    }

    /** The summaries with the names of their primary companies that the signed-in user may see. */
    List<ContactSummary> forReader(List<ContactSummary> summaries) {
        Map<UUID, String> names = visibleNames(summaries.stream().map(ContactSummary::companyId)
                .filter(Objects::nonNull).distinct().toList());
        List<ContactSummary> named = new ArrayList<>(summaries.size());
        for (ContactSummary s : summaries) {
            named.add(new ContactSummary(s.id(), s.firstName(), s.lastName(), s.title(), s.email(), s.phone(),
                    s.companyId(), s.companyId() == null ? null : names.get(s.companyId()), s.ownerId(), s.archived(),
                    s.updatedAt()));
        }
        return named;
    }

    Map<UUID, String> visibleNames(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : companies.visibleNames(ids);
    }
}
