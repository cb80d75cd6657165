/**
 * Contacts: the people Kervan's users talk to, with their e-mails, phones and links to companies
 * (one of them primary). Owns the {@code contacts}, {@code contact_emails}, {@code contact_phones} and
 * {@code contact_companies} tables; other modules read contacts through
 * {@link io.kervan.contacts.ContactService}. Reads companies only through
 * {@link io.kervan.companies.CompanyService} and keeps linked company names searchable by reacting to
 * the companies' {@link io.kervan.shared.RecordChanged} events. Publishes
 * {@link io.kervan.shared.RecordChanged} (record type {@code contact}) for every create, update,
 * archive and restore — or, for a bulk import batch ({@link io.kervan.contacts.ContactImports#importBatch}),
 * one {@link io.kervan.shared.RecordsChanged} holding those changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package io.kervan.contacts;
