package io.kervan.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Users of one test. All integration tests share one database, so every user gets a unique e-mail
 * and nothing assumes the tables are empty.
 */
final class TestUsers {

    static final String PASSWORD = "correct-horse-battery-1";

    private final UserService users;
    private final ApiTokenService tokens;
    private final KervanUserDetailsService userDetails;

    TestUsers(UserService users, ApiTokenService tokens, KervanUserDetailsService userDetails) {
        this.users = users;
        this.tokens = tokens;
        this.userDetails = userDetails;
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@kervan.test";
    }

    UserView create(Role role) {
        return create(role, null, "en");
    }

    UserView create(Role role, UUID teamId, String locale) {
        return users.create(new UserDraft(uniqueEmail(role.name().toLowerCase()), "Test", role.name(), PASSWORD, role,
                teamId, true, locale));
    }

    /** {@code Bearer kvn_...} for the user, as an API client would send it. */
    String bearer(UserView user) {
        return "Bearer " + tokens.issue(user.id(), "test").token();
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser sign-in as the security chain would make it, for {@code authentication(...)}. */
    Authentication signedIn(UserView user) {
        UserDetails principal = userDetails.loadUserByUsername(user.email());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
