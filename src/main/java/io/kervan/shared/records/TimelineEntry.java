package io.kervan.shared.records;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One item on a record's timeline.
 *
 * @param kind {@code activity}, {@code task}, {@code stageChange} or {@code event}
 * @param id unique within its kind; with {@code at} it orders entries at the same instant
 * @param at when it happened (or, for a task, when it is due or was done)
 * @param actorId who did it, null for the system
 * @param type the sub-kind: {@code call}, {@code meeting}, {@code created}, {@code won}, ...
 * @param title one line to show
 * @param body longer text, already safe to show as HTML where the source says so in {@code details}
 * @param details further fields for the API and the page (e.g. outcome, from/to stage)
 * @param about the record the entry belongs to (a company's timeline also shows its contacts' entries)
 */
public record TimelineEntry(String kind, String id, Instant at, UUID actorId, String type, String title, String body,
        Map<String, Object> details, RecordRef about) {

    /** Newest first; entries at the same instant by id, descending, so that paging is stable. */
    public static final java.util.Comparator<TimelineEntry> NEWEST_FIRST = java.util.Comparator
            .comparing(TimelineEntry::at).thenComparing(TimelineEntry::cursorId).reversed();

    /** The id that, with {@link #at}, makes the paging cursor: unique across kinds. */
    public String cursorId() {
        return kind + ":" + id;
    }
}
