package io.kervan.shared.records;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Published (synchronously, inside the logging transaction) when an activity is logged on records or
 * moved to new records or a later time. Each record module keeps its own {@code lastActivityAt}
 * from it, and leads take their first-response time from it.
 *
 * @param type {@code call}, {@code meeting}, {@code email}, {@code note} or {@code whatsapp}
 * @param at when it counts as activity on the records: when it happened, but never later than the
 *        moment it was logged (planning next week's meeting is work on the deal today)
 * @param records the records it is linked to
 */
public record ActivityLogged(UUID activityId, String type, Instant at, Set<RecordRef> records, UUID actorId) {

    /** A note is written for colleagues; every other type is contact with the customer. */
    public boolean reachesTheCustomer() {
        return !"note".equals(type);
    }

    /** The ids of the linked records of one type. */
    public java.util.List<UUID> idsOf(RecordType recordType) {
        return records.stream().filter(r -> r.type() == recordType).map(RecordRef::id).toList();
    }
}
