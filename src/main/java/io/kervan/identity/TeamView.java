package io.kervan.identity;

import java.time.Instant;
import java.util.UUID;

/** A team: its members are the users whose {@code teamId} points here; its manager leads it. */
public record TeamView(UUID id, String name, UUID managerId, String managerName, int memberCount, Instant createdAt,
        Instant updatedAt, long version) {
}
