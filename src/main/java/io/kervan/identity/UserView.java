package io.kervan.identity;

import java.time.Instant;
import java.util.UUID;

/** A user as other modules, the UI and the API see it (never the password hash). */
public record UserView(UUID id, String email, String firstName, String lastName, Role role, UUID teamId,
        String teamName, boolean active, String locale, Instant createdAt, Instant updatedAt, long version) {

    public String displayName() {
        return (firstName + " " + lastName).strip();
    }
}
