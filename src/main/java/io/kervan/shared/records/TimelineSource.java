package io.kervan.shared.records;

import java.util.List;

/**
 * A module's contribution to record timelines (activities, tasks, stage changes, audit events). The
 * timeline asks every source for one page and merges them; each source reads only its own tables.
 */
public interface TimelineSource {

    /** The kind of entries this source gives: {@code activity}, {@code task}, {@code stageChange} or {@code event}. */
    String kind();

    /**
     * At most {@code query.limit()} entries, newest first, strictly older than the query's cursor in
     * {@link TimelineEntry#NEWEST_FIRST} order.
     */
    List<TimelineEntry> entries(TimelineQuery query);
}
