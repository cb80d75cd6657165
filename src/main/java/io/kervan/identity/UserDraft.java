package io.kervan.identity;

import java.util.UUID;

/**
 * Input for creating or changing a user. On update a {@code null} password keeps the current one.
 */
public record UserDraft(String email, String firstName, String lastName, String password, Role role, UUID teamId,
        boolean active, String locale) {
}
