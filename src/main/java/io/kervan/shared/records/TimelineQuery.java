package io.kervan.shared.records;

import java.time.Instant;
import java.util.Set;

/**
 * One page of a timeline: entries about any of {@code records}, older than the cursor
 * ({@code before}, then {@code beforeId} for entries at the same instant; both null for the first
 * page), newest first, at most {@code limit}.
 */
public record TimelineQuery(Set<RecordRef> records, Instant before, String beforeId, int limit) {

    public boolean isFirstPage() {
        return before == null;
    }
}
