package io.kervan.imports;

import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One record type an import can fill, as an adapter over the owning module's public services: it
 * builds the module's draft from a row and writes it through the module, so the module's own rules
 * (validation, normalisation, visibility, audit events) apply to imported records.
 *
 * @param <D> the module's draft type
 */
interface ImportTarget<D> {

    /** The plural name used in the API and the UI: {@code contacts}. */
    String recordType();

    List<ImportField> fields();

    /** The keys rows may be matched on; the first is used to find repeats within a file in create mode. */
    List<String> matchKeys();

    Class<D> draftType();

    default ImportField field(String name) {
        return fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** The row's value of a match key; a target may derive a key the file does not hold (a product's code from its name). */
    default String keyValue(String key, RowValues values) {
        return values.text(key);
    }

    /** The key value as compared for repeats within the file (e-mails lower-cased, names folded …). */
    String normalizedKey(String key, String value);

    List<ImportMatch> find(String key, String value);

    /** The stored record's draft, for merging an update and for undo. */
    D load(UUID id);

    /**
     * The draft a row describes, on top of {@code stored} when updating; problems go into {@code values}.
     */
    D draft(RowValues values, D stored, ImportContext context);

    /** @return the new record's id and version */
    ImportMatch create(D draft, String externalId);

    /** @return the record's id and version after the update */
    ImportMatch update(UUID id, D draft, long expectedVersion);

    /** Removes a record the import created; false when it changed since. */
    boolean delete(UUID id, long expectedVersion);

    /** Whether {@link #deleteAll} is offered: an undo then removes a run of created records in one go. */
    default boolean removesInBulk() {
        return false;
    }

    /**
     * {@link #delete} for many records; what became of each. Throws (a database constraint: another record refers
     * to one of them) only when nothing was removed, so the caller can go one record at a time.
     */
    default Map<UUID, ImportRemoval> deleteAll(Collection<ImportMatch> records) {
        throw new UnsupportedOperationException(recordType() + " are removed one at a time");
    }
}
