package io.kervan.contacts;

import io.kervan.shared.ChangeSet;
import io.kervan.shared.PhoneNumbers;
import java.util.List;

/** Field-level differences between two versions of a contact, as readable strings for the change history. */
final class ContactChanges {

    private static final ContactDetails NOTHING = new ContactDetails(null, null, null, null, List.of(), List.of(),
            List.of(), null, null, null, List.of(), null, null, false, null, null, null, null, null, null, null, 0,
            null);

    private ContactChanges() {
    }

    /** @param before {@code null} for a new contact */
    static ChangeSet between(ContactDetails before, ContactDetails after) {
        ContactDetails b = before == null ? NOTHING : before;
        return new ChangeSet()
                .compare("firstName", b.firstName(), after.firstName())
                .compare("lastName", b.lastName(), after.lastName())
                .compare("title", b.title(), after.title())
                .compare("emails", b.emails(), after.emails())
                .compare("phones", phones(b), phones(after))
                .compare("companies", companies(b), companies(after))
                .compare("addressLine", b.addressLine(), after.addressLine())
                .compare("city", b.city(), after.city())
                .compare("country", b.country(), after.country())
                .compare("tags", b.tags(), after.tags())
                .compare("notes", b.notes(), after.notes())
                .compare("ownerId", b.ownerId(), after.ownerId())
                .compare("visibleToTeam", before == null ? null : b.visibleToTeam(), after.visibleToTeam());
    }

    private static List<String> phones(ContactDetails contact) {
        return contact.phones().stream().map(PhoneNumbers::display).toList();
    }

    /** "Acme A.Ş. – Purchasing manager ★", the star marking the primary company. */
    private static List<String> companies(ContactDetails contact) {
        return contact.companies().stream().map(c -> (c.companyName() == null || c.companyName().isEmpty() ? String.valueOf(c.companyId())
                : c.companyName()) + (c.role() == null ? "" : " – " + c.role()) + (c.primary() ? " ★" : "")).toList();
    }
}
