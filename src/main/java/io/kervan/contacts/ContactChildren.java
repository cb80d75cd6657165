package io.kervan.contacts;

import java.util.List;
import java.util.Map;
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

    List<ContactDetails.LinkedCompany> companies(UUID contactId) {
        return jdbc.sql("""
                select company_id, company_name, role, is_primary from contact_companies
                 where contact_id = :id order by position""")
                .param("id", contactId)
                .query((rs, n) -> new ContactDetails.LinkedCompany(rs.getObject("company_id", UUID.class),
                        rs.getString("company_name"), rs.getString("role"), rs.getBoolean("is_primary")))
                .list();
    }

    /**
     * Writes the e-mails, phones and links of a normalised draft. Links are updated in place, so that
     * the rename bookkeeping of a company that stays linked survives an edit of the contact.
     */
    void replace(UUID contactId, ContactDraft contact, Map<UUID, String> companyNames) {
        jdbc.sql("delete from contact_emails where contact_id = :id").param("id", contactId).update();
        for (int i = 0; i < contact.emails().size(); i++) {
            jdbc.sql("insert into contact_emails (contact_id, position, email) values (:id, :position, :email)")
                    .param("id", contactId).param("position", i).param("email", contact.emails().get(i)).update();
        }
        jdbc.sql("delete from contact_phones where contact_id = :id").param("id", contactId).update();
        for (int i = 0; i < contact.phones().size(); i++) {
            jdbc.sql("insert into contact_phones (contact_id, position, phone) values (:id, :position, :phone)")
                    .param("id", contactId).param("position", i).param("phone", contact.phones().get(i)).update();
        }
        UUID[] kept = contact.companies().stream().map(ContactDraft.CompanyLink::companyId).toArray(UUID[]::new);
        jdbc.sql("delete from contact_companies where contact_id = :id and not (company_id = any(:kept))")
                .param("id", contactId).param("kept", kept).update();
        // Clear the old primary first: the one-primary index is checked row by row.
        jdbc.sql("update contact_companies set is_primary = false where contact_id = :id and is_primary")
                .param("id", contactId).update();
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
