package io.kervan.identity;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first admin: created at start from {@code KERVAN_ADMIN_EMAIL} / {@code KERVAN_ADMIN_PASSWORD}
 * when the database has no user, or else through the one-time setup page.
 */
@Component
class FirstRunSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final UserService users;
    private final Environment environment;
    private final AtomicBoolean done = new AtomicBoolean(false);

    FirstRunSetup(UserService users, Environment environment) {
        this.users = users;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = environment.getProperty("kervan.admin.email");
        String password = environment.getProperty("kervan.admin.password");
        if (StringUtils.hasText(email) && StringUtils.hasText(password) && isNeeded()) {
            createAdmin(email, "Admin", "Kervan", password, "en");
            log.info("Created the first admin {} from KERVAN_ADMIN_EMAIL", email);
        }
    }

    boolean isNeeded() {
        if (done.get()) {
            return false;
        }
        boolean exists = users.anyUserExists();
        if (exists) {
            done.set(true);
        }
        return !exists;
    }

    /** Creates the first admin; refused once any user exists, so the setup page works only once. */
    @Transactional
    synchronized UserView createAdmin(String email, String firstName, String lastName, String password, String locale) {
        if (!isNeeded()) {
            throw new IllegalStateException("Kervan is already set up");
        }
        UserView admin = users.create(new UserDraft(email, firstName, lastName, password, Role.ADMIN, null, true, locale));
        done.set(true);
        return admin;
    }
}
