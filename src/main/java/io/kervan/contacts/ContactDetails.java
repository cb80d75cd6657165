package io.kervan.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored contact, as the module shows it to others. E-mails are lower-cased, phones in E.164, both
 * in the order entered (the first is the primary one).
 */
public record ContactDetails(UUID id, String firstName, String lastName, String title, List<String> emails,
        List<String> phones, List<LinkedCompany> companies, String addressLine, String city, String country,
        List<String> tags, String notes, UUID ownerId, boolean visibleToTeam, String externalSource,
        String externalId, Instant archivedAt, Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy,
        long version, Instant lastActivityAt) {

    /**
     * A company the contact works for. {@code companyName} is {@code null} when the reader may not see
     * that company.
     */
    public record LinkedCompany(UUID companyId, String companyName, String role, boolean primary) {
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** First and last name as typed, for headings and links. */
    public String displayName() {
        return ContactSummary.displayName(firstName, lastName);
    }

    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    public String primaryPhone() {
        return phones.isEmpty() ? null : phones.get(0);
    }

    /** The input that would produce this contact again: the starting point of an edit or a merge patch. */
    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, title, emails, phones,
                companies.stream().map(c -> new ContactDraft.CompanyLink(c.companyId(), c.role(), c.primary())).toList(),
                addressLine, city, country, tags, notes, ownerId, visibleToTeam);
    }
}
