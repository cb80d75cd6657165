/**
 * The change history of every record: who changed which field from what to what, and when.
 * Written only by reacting to {@link io.kervan.shared.RecordChanged} events and their bulk form
 * {@link io.kervan.shared.RecordsChanged} (one row per record either way; never called to write),
 * read through {@link io.kervan.audit.AuditService}. Owns the {@code audit_events} table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.kervan.audit;
