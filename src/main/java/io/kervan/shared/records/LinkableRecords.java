package io.kervan.shared.records;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by each module that owns records activities and tasks can be linked to (one bean per
 * {@link RecordType}). It keeps the owning module's visibility rule the only one that decides who
 * sees a record.
 */
public interface LinkableRecords {

    RecordType type();

    /**
     * The record as the signed-in user may see it; empty when it does not exist or is hidden from
     * them (callers answer 404 then).
     */
    Optional<LinkedRecord> findVisible(UUID id);

    /**
     * Names and owners of many records at once, without a visibility check: for background work
     * (reminders, notifications) and for records the caller has already been allowed to see.
     */
    Map<UUID, LinkedRecord> describe(Collection<UUID> ids);

    /**
     * Records whose activities also belong on {@code parent}'s timeline, e.g. a company's contacts
     * and deals; at most {@code limit}. Empty when this module's records do not hang under
     * {@code parent}.
     */
    default List<RecordRef> childrenOf(RecordRef parent, int limit) {
        return List.of();
    }
}
