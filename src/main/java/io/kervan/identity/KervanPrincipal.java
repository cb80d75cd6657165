package io.kervan.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated user as Spring Security holds it; serialised into the JDBC session. */
class KervanPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String email;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final String locale;
    private final boolean active;

    KervanPrincipal(UUID id, String email, String passwordHash, String displayName, Role role, String locale,
            boolean active) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.locale = locale;
        this.active = active;
    }

    static KervanPrincipal of(UserRecord user) {
        return new KervanPrincipal(user.id(), user.email(), user.passwordHash(), user.displayName(), user.role(),
                user.locale(), user.active());
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, email, displayName, role, locale);
    }

    UUID id() {
        return id;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
