package io.kervan.identity;

import java.time.Instant;
import java.util.UUID;

/** A user as the REST API shows it; the password hash and sign-in counters stay inside. */
record UserJson(UUID id, String email, String firstName, String lastName, String displayName, Role role,
        UUID teamId, String teamName, boolean active, String locale, Instant createdAt, Instant updatedAt,
        long version) {

    static UserJson of(UserView user) {
        return new UserJson(user.id(), user.email(), user.firstName(), user.lastName(), user.displayName(),
                user.role(), user.teamId(), user.teamName(), user.active(), user.locale(), user.createdAt(),
                user.updatedAt(), user.version());
    }
}
