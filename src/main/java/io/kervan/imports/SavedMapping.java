package io.kervan.imports;

import java.util.UUID;

/** A mapping saved under a name, to reuse for the next file of the same kind. */
public record SavedMapping(UUID id, String name, ImportMapping mapping) {
}
