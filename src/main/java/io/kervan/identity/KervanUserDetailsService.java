package io.kervan.identity;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class KervanUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    KervanUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return users.findByEmail(email).map(KervanPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
