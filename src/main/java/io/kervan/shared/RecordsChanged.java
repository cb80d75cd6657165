package io.kervan.shared;

import java.util.List;

/**
 * Many {@link RecordChanged} at once, published by a bulk write (an import batch) instead of one event
 * per record: the event publication registry then stores one publication per batch rather than one per
 * record. Listeners treat it as its changes one by one; each keeps its own event id, so a redelivery is
 * still recognised per record.
 */
public record RecordsChanged(List<RecordChanged> changes) {

    public RecordsChanged {
        changes = List.copyOf(changes);
    }
}
