package io.kervan.imports;

import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** @param existing the record to update, {@code null} to create one */
    record Write<D>(D draft, ImportMatch existing, String externalId) {
    }

}
