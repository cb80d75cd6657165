/**
 * Imports: CSV and XLSX files into companies, contacts, leads, deals and products — column mapping
 * (suggested from English and Turkish headers), value conversions, preview, dry run, background jobs
 * with progress that resume after a crash, per-row outcomes, an errors CSV and undo. Writes records only
 * through the owning modules' public services, so their rules apply. Owns the {@code import_*} tables.
 * Also loads the bundled sample data through the same path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package io.kervan.imports;
