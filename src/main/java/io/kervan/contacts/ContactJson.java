package io.kervan.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The contact's JSON shapes on the REST API. */
final class ContactJson {

    private ContactJson() {
    }

    /** Request body of create, upsert and (after merging) patch. Unknown fields are refused. */
    record Input(String firstName, String lastName, String title, List<String> emails, List<String> phones,
            List<Link> companies, String addressLine, String city, String country, List<String> tags, String notes,
            UUID ownerId, Boolean visibleToTeam) {

        ContactDraft toDraft() {
            return new ContactDraft(firstName, lastName, title, emails, phones,
                    companies == null ? null : companies.stream()
                            .map(l -> l == null ? null : new ContactDraft.CompanyLink(l.companyId(), l.role(), l.primary()))
                            .toList(),
                    addressLine, city, country, tags, notes, ownerId, visibleToTeam);
        }

        static Input of(ContactDetails c) {
            return new Input(c.firstName(), c.lastName(), c.title(), c.emails(), c.phones(),
                    c.companies().stream().map(l -> new Link(l.companyId(), l.role(), l.primary())).toList(),
                    c.addressLine(), c.city(), c.country(), c.tags(), c.notes(), c.ownerId(), c.visibleToTeam());
        }
    }

    /** A company link as sent; {@code companyName} (as read) may be sent back and is ignored. */
    @JsonIgnoreProperties({"companyName"})
    record Link(UUID companyId, String role, Boolean primary) {
    }

    record LinkedCompany(UUID companyId, String companyName, String role, boolean primary) {
    }

    record Resource(UUID id, String firstName, String lastName, String title, List<String> emails,
            List<String> phones, List<LinkedCompany> companies, String addressLine, String city, String country,
            List<String> tags, String notes, UUID ownerId, boolean visibleToTeam, String externalSource,
            String externalId, boolean archived, Instant archivedAt, Instant createdAt, Instant updatedAt,
            long version, Instant lastActivityAt) {

        static Resource of(ContactDetails c) {
            return new Resource(c.id(), c.firstName(), c.lastName(), c.title(), c.emails(), c.phones(),
                    c.companies().stream().map(l -> new LinkedCompany(l.companyId(), l.companyName(), l.role(),
                            l.primary())).toList(),
                    c.addressLine(), c.city(), c.country(), c.tags(), c.notes(), c.ownerId(), c.visibleToTeam(),
                    c.externalSource(), c.externalId(), c.archived(), c.archivedAt(), c.createdAt(), c.updatedAt(),
                    c.version(), c.lastActivityAt());
        }
    }

    /** A list item: the first e-mail and phone and the primary company. */
    record Item(UUID id, String firstName, String lastName, String title, String email, String phone,
            UUID companyId, String companyName, UUID ownerId, boolean archived, Instant updatedAt) {

        static Item of(ContactSummary s) {
            return new Item(s.id(), s.firstName(), s.lastName(), s.title(), s.email(), s.phone(), s.companyId(),
                    s.companyName(), s.ownerId(), s.archived(), s.updatedAt());
        }
    }

    record Page(List<Item> items, String nextCursor) {
    }
}
