package io.kervan.shared.records;

import java.util.UUID;

/**
 * What other modules may know about a record they link to: how to name it, who owns it, and
 * whether the current user may change things on it.
 */
public record LinkedRecord(RecordRef ref, String label, UUID ownerId, boolean editable) {

    public String pagePath() {
        return ref.pagePath();
    }
}
