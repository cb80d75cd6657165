/**
 * Companies (accounts): the organisations Kervan's users sell to. Owns the {@code companies} table;
 * other modules read companies through {@link io.kervan.companies.CompanyService}. Publishes
 * {@link io.kervan.shared.RecordChanged} for every create, update, archive and restore.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Companies")
package io.kervan.companies;
