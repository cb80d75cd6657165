package io.kervan.contacts;

import java.util.UUID;

/**
 * What a contact list row shows of a contact's e-mails, phones and company links, kept on the contact's own row
 * (V0090) and written with it, so that a list page reads no child table: the first e-mail, the first phone and the
 * primary company. Looking them up took three index probes per row, half of a list page's time in PostgreSQL.
 */
record ContactListColumns(String firstEmail, String firstPhone, UUID primaryCompanyId) {

    /** From a normalised draft: the e-mails and phones in the order they are stored, at most one primary link. */
    static ContactListColumns of(ContactDraft contact) {
        return new ContactListColumns(contact.emails().isEmpty() ? null : contact.emails().get(0),
                contact.phones().isEmpty() ? null : contact.phones().get(0),
                contact.companies().stream().filter(ContactDraft.CompanyLink::isPrimary)
                        .map(ContactDraft.CompanyLink::companyId).findFirst().orElse(null));
    }
}
