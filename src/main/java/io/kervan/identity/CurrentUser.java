package io.kervan.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request, whether signed in by form or by API token. */
public record CurrentUser(UUID id, String email, String displayName, Role role, String locale) {

    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof KervanPrincipal principal) {
            return Optional.of(principal.toCurrentUser());
        }
        return Optional.empty();
    }

    /** The current user; throws when the request is anonymous (a programming error behind the security filters). */
    public static CurrentUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
