package io.kervan.shared.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * A SQL condition keeping the rows of a source of {@code kind} that come strictly after the cursor
     * in {@link TimelineEntry#NEWEST_FIRST} order; bind {@link #cursorParameters()} with it.
     *
     * @param atColumn the entries' time
     * @param idColumn the entries' id (a uuid column; compared as text, as {@link TimelineEntry#cursorId} is)
     */
    public String olderThanCursorSql(String kind, String atColumn, String idColumn) {
        if (before == null) {
            return "true";
        }
        int order = kind.compareTo(cursorKind());
        if (order < 0) {
            // at the cursor's instant, every entry of this kind sorts after the cursor's entry
            return atColumn + " <= :timelineBefore";
        }
        if (order > 0) {
            return atColumn + " < :timelineBefore";
        }
        return "(" + atColumn + " < :timelineBefore or (" + atColumn + " = :timelineBefore and cast(" + idColumn
                + " as text) collate \"C\" < :timelineBeforeId))";
    }

    /** Bind values of {@link #olderThanCursorSql}. */
    public Map<String, Object> cursorParameters() {
        Map<String, Object> params = new HashMap<>();
        if (before != null) {
            params.put("timelineBefore", Timestamp.from(before));
            params.put("timelineBeforeId", beforeId == null ? "" : beforeId.substring(beforeId.indexOf(':') + 1));
        }
        return params;
    }

    /** Whether {@code entry} comes strictly after the cursor (for sources that filter in memory). */
    public boolean isAfterCursor(TimelineEntry entry) {
        if (before == null) {
            return true;
        }
        int byTime = entry.at().compareTo(before);
        return byTime < 0 || (byTime == 0 && entry.cursorId().compareTo(beforeId) < 0);
    }

    private String cursorKind() {
        int colon = beforeId == null ? -1 : beforeId.indexOf(':');
        return colon < 0 ? "" : beforeId.substring(0, colon);
    }
}
