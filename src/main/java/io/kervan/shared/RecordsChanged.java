package io.kervan.shared;

import java.util.List;

/**
 * Many {@link RecordChanged} at once, published by a bulk write (an import batch) instead of one event
 * per record. Listeners treat it as its changes one by one, each with its own event id. Its listeners (the
 * audit trail, assignment notifications) run inside the publishing transaction, so their rows commit or roll
 * back with the batch and the event publication registry stores nothing for it (ADR 12, "Later").
 */
public record RecordsChanged(List<RecordChanged> changes) {

    public RecordsChanged {
        changes = List.copyOf(changes);
    }
}
