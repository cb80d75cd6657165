package io.kervan.identity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users} as the identity module handles it internally. */
record UserRecord(UUID id, String email, String passwordHash, String firstName, String lastName, Role role,
        UUID teamId, boolean active, String locale, int failedLogins, Instant lockedUntil, Instant createdAt,
        Instant updatedAt, long version) {

    String displayName() {
        return (firstName + " " + lastName).strip();
    }

    UserView toView(String teamName) {
        return new UserView(id, email, firstName, lastName, role, teamId, teamName, active, locale, createdAt,
                updatedAt, version);
    }
}
