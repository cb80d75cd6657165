package io.kervan.shared.records;

import java.time.Instant;

/**
 * One event of a user's calendar feed (a meeting, a dated task).
 *
 * @param uid stable for the life of the item (e.g. {@code task-<id>@kervan}), so that calendar
 *        clients replace an edited event instead of adding a second one
 * @param sequence grows with every edit (the record's version), as RFC 5545 asks
 * @param end null for a point in time (a task due at a moment)
 * @param url the item's page in Kervan, relative (e.g. {@code /tasks/<id>})
 */
public record CalendarEvent(String uid, long sequence, String summary, String description, Instant start, Instant end,
        String location, Instant lastModified, String url) {
}
