package io.kervan.imports;

import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A record type whose module can take a whole batch of rows at once (the bulk path): keys looked up in one
 * query, stored records read in one, and the writes done together with one event for the batch. The
 * module's rules still apply to every record, and a record it refuses fails alone. Targets without it
 * import row by row.
 */
interface BatchImportTarget<D> extends ImportTarget<D> {

    /** {@link #find} for many key values; values without a match are absent. */
    Map<String, List<ImportMatch>> findAll(String key, Collection<String> values);

    /** {@link #load} for many records; those the user may not see are absent. */
    Map<UUID, D> loadAll(Collection<UUID> ids);

    /**
     * Whether {@link #writeAll} takes updates too. A target that creates in bulk only gets its updates one row
     * at a time, through {@link #update}.
     */
    default boolean writesUpdates() {
        return true;
    }

    /**
     * Writes the batch; answers per write, in order. Throws (a database constraint) only when nothing was
     * written, so the caller can retry row by row.
     */
    List<BatchResult> writeAll(List<Write<D>> writes);

    /**
     * Whether a batch of this target may be written while the batch before it is still being written, on a second
     * connection (ADR 13). Only a target that names what its writes could be found by ({@link #identities}) can.
     */
    default boolean writesConcurrently() {
        return false;
    }

    /**
     * The match keys a record written by {@code write} answers to, each as {@code key + ":" +}
     * {@link #normalizedKey normalised value} (for a contact: every e-mail address, phone number and its external
     * id). Two batches may be written at once only if neither looks up a key the other writes.
     */
    default Set<String> identities(Write<D> write) {
        throw new UnsupportedOperationException(recordType() + " is not written concurrently");
    }

    /** @param existing the record to update, {@code null} to create one */
    record Write<D>(D draft, ImportMatch existing, String externalId) {
    }

}
