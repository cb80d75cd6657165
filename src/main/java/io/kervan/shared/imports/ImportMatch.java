package io.kervan.shared.imports;

import java.util.UUID;

/** A stored record that an import row matched on its key, with the version an update must expect. */
public record ImportMatch(UUID id, long version) {
}
