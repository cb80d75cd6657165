package io.kervan.identity;

import io.kervan.shared.RecordNotFoundException;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs background work (an import job) as the user who started it, so that every module applies that
 * user's rights and records them as the actor — exactly as if they had done it by hand.
 */
@Component
public class BackgroundUser {

    private final UserRepository users;

    BackgroundUser(UserRepository users) {
        this.users = users;
    }

    public <T> T runAs(UUID userId, Supplier<T> work) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new RecordNotFoundException("user", userId));
        KervanPrincipal principal = KervanPrincipal.of(user);
        principal.eraseCredentials();
        SecurityContext outer = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(outer);
        }
    }
}
