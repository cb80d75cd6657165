package io.kervan.contacts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A contact's e-mails, phones and company links, in their own tables, kept in the order entered. */
@Component
class ContactChildren {

    private final JdbcClient jdbc;

    ContactChildren(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the e-mails, phones and links of a new contact's normalised draft. */
    void insert(UUID contactId, ContactDraft contact, Map<UUID, String> companyNames) {
        insertEmails(contactId, contact.emails());
        insertPhones(contactId, contact.phones());
        writeLinks(contactId, contact, companyNames);
    }

    /**
     * Writes what an update changed of the e-mails, phones and links, and leaves the rest alone: most edits change
     * none of them (a title, a note), and rewriting them cost a write six statements. Links are updated in place,
     * so that the rename bookkeeping of a company that stays linked survives an edit of the contact.
     *
     * @param before the contact as read in this transaction, before the update
     */
    void update(UUID contactId, ContactDetails before, ContactDraft contact, Map<UUID, String> companyNames) {
        if (!before.emails().equals(contact.emails())) {
            jdbc.sql("delete from contact_emails where contact_id = :id").param("id", contactId).update();
            insertEmails(contactId, contact.emails());
        }
        if (!before.phones().equals(contact.phones())) {
            jdbc.sql("delete from contact_phones where contact_id = :id").param("id", contactId).update();
            insertPhones(contactId, contact.phones());
        }
        if (!sameLinks(before.companies(), contact.companies(), companyNames)) {
            UUID[] kept = contact.companies().stream().map(ContactDraft.CompanyLink::companyId).toArray(UUID[]::new);
            jdbc.sql("delete from contact_companies where contact_id = :id and not (company_id = any(:kept))")
                    .param("id", contactId).param("kept", kept).update();
            // Clear the old primary first: the one-primary index is checked row by row.
            jdbc.sql("update contact_companies set is_primary = false where contact_id = :id and is_primary")
                    .param("id", contactId).update();
            writeLinks(contactId, contact, companyNames);
        }
    }

    /** Whether the stored links are exactly the draft's: the same companies in the same order, roles and names. */
    private static boolean sameLinks(List<ContactDetails.LinkedCompany> stored, List<ContactDraft.CompanyLink> links,
            Map<UUID, String> companyNames) {
        if (stored.size() != links.size()) {
            return false;
        }
        for (int i = 0; i < links.size(); i++) {
            ContactDetails.LinkedCompany was = stored.get(i);
            ContactDraft.CompanyLink link = links.get(i);
            if (!was.companyId().equals(link.companyId()) || !Objects.equals(was.role(), link.role())
                    || was.primary() != link.isPrimary()
                    || !Objects.equals(was.companyName(), companyNames.getOrDefault(link.companyId(), ""))) {
                return false;
            }
        }
        return true;
    }

    private void insertEmails(UUID contactId, List<String> emails) {
        for (int i = 0; i < emails.size(); i++) {
            jdbc.sql("insert into contact_emails (contact_id, position, email) values (:id, :position, :email)")
                    .param("id", contactId).param("position", i).param("email", emails.get(i)).update();
        }
    }

    private void insertPhones(UUID contactId, List<String> phones) {
        for (int i = 0; i < phones.size(); i++) {
            jdbc.sql("insert into contact_phones (contact_id, position, phone) values (:id, :position, :phone)")
                    .param("id", contactId).param("position", i).param("phone", phones.get(i)).update();
        }
    }

    /** Inserts the draft's links, or updates them in place where they exist. */
    private void writeLinks(UUID contactId, ContactDraft contact, Map<UUID, String> companyNames) {
        for (int i = 0; i < contact.companies().size(); i++) {
            ContactDraft.CompanyLink link = contact.companies().get(i);
            jdbc.sql("""
                    insert into contact_companies (contact_id, company_id, position, role, is_primary, company_name)
                    values (:id, :companyId, :position, :role, :primary, :name)
                    on conflict (contact_id, company_id) do update set position = excluded.position,
                        role = excluded.role, is_primary = excluded.is_primary, company_name = excluded.company_name""")
                    .param("id", contactId).param("companyId", link.companyId()).param("position", i)
                    .param("role", link.role()).param("primary", link.isPrimary())
                    .param("name", companyNames.getOrDefault(link.companyId(), "")).update();
        }
    }
}
