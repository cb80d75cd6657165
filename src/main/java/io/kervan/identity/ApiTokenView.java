package io.kervan.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as listed to its owner; the secret itself is shown only once, at creation. */
public record ApiTokenView(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
