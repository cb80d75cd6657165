package io.kervan.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in (form and HTTP Basic) with per-account throttling kept in the database, so it
 * holds across restarts and nodes: after {@code slowAfter} failures every attempt is delayed, after
 * {@code lockAfter} failures the account is refused until the lock expires.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final UserRepository users;
    private final LoginThrottleProperties throttle;

    ThrottledAuthenticationProvider(KervanUserDetailsService userDetails, PasswordEncoder encoder,
            UserRepository users, LoginThrottleProperties throttle) {
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(encoder);
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || io.kervan.shared.InputCheck.hasControlCharacters(email)) {
            throw new BadCredentialsException("Bad credentials");
        }
        Optional<UserRecord> account = users.findByEmail(email);
        account.ifPresent(this::refuseIfLocked);
        account.ifPresent(this::slowDown);
        try {
            Authentication result = passwords.authenticate(authentication);
            account.ifPresent(user -> users.resetFailedLogins(user.id()));
            return result;
        } catch (BadCredentialsException e) {
            account.ifPresent(user -> users.recordFailedLogin(user.id(), throttle.lockAfter(),
                    Instant.now().plus(throttle.lockFor())));
            throw e;
        }
    }

    private void refuseIfLocked(UserRecord user) {
        if (user.lockedUntil() == null) {
            return;
        }
        if (user.lockedUntil().isAfter(Instant.now())) {
            throw new LockedException("Too many failed sign-ins; try again later");
        }
        users.clearExpiredLock(user.id());
    }

    private void slowDown(UserRecord user) {
        int excess = user.failedLogins() - throttle.slowAfter() + 1;
        if (excess <= 0 || user.lockedUntil() != null && user.lockedUntil().isBefore(Instant.now())) {
            return;
        }
        Duration delay = throttle.delayStep().multipliedBy(excess);
        if (delay.compareTo(throttle.maxDelay()) > 0) {
            delay = throttle.maxDelay();
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("Interrupted") {
            };
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
