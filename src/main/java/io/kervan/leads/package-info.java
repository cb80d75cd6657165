/**
 * Leads: not-yet-qualified people and companies, their sources (an admin-defined list), status,
 * first-response time, and the conversion of a qualified lead into a contact and a company (and, once
 * the deals module exists, a deal) in one transaction. Owns the {@code leads} and {@code lead_sources}
 * tables; other modules use {@link io.kervan.leads.LeadService}. Creates contacts and companies only
 * through {@link io.kervan.contacts.ContactService} and {@link io.kervan.companies.CompanyService}.
 * Publishes {@link io.kervan.shared.RecordChanged} (record type {@code lead}) for every create, update,
 * status change, conversion, archive and restore.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads")
package io.kervan.leads;
