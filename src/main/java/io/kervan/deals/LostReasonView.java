package io.kervan.deals;

import java.time.Instant;
import java.util.UUID;

/** An admin-defined reason for losing a deal. */
public record LostReasonView(UUID id, String name, String nameTr, int position, Instant archivedAt, long version) {

    public boolean archived() {
        return archivedAt != null;
    }

    public String label() {
        return Labels.pick(name, nameTr);
    }
}
