/**
 * Building blocks every module may use: ids, Turkish text folding, phone and e-mail normalisation,
 * keyset paging, API problems, idempotent creates, the embedded database and bulk writes with COPY. Owns the
 * {@code idempotency_keys} table. Publishes no events of its own but defines {@link io.kervan.shared.RecordChanged},
 * the change event that business modules publish and {@code audit} records, and its bulk form
 * {@link io.kervan.shared.RecordsChanged} (many changes in one event, for bulk imports).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.kervan.shared;
