package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import io.kervan.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The default {@code kervan.login.lock-after} of 10 applies; the tests shorten delays only (application-test.properties). */
@IntegrationTest
class LoginThrottlingIntegrationTests {

    static final int LOCK_AFTER = 10;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserService userService;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    KervanUserDetailsService userDetails;

    @Autowired
    JdbcClient jdbc;

    TestUsers testUsers;
    UserView user;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
        user = testUsers.create(Role.SALES_REP);
    }

    @Test
    void afterTooManyBadPasswordsEvenTheCorrectPasswordIsRefused() {
        for (int attempt = 1; attempt <= LOCK_AFTER; attempt++) {
            assertThat(issueToken("wrong-password-" + attempt)).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        MvcTestResult locked = issueToken(TestUsers.PASSWORD);

        assertThat(locked).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.detail")
                .isEqualTo("Too many failed sign-ins; try again later");
        assertThat(lockedUntil()).isAfter(Instant.now());
        assertThat(tokens.listFor(user.id())).isEmpty();
    }

    @Test
    void oneBadPasswordFewerDoesNotLock() {
        for (int attempt = 1; attempt < LOCK_AFTER; attempt++) {
            issueToken("wrong-password-" + attempt);
        }

        assertThat(issueToken(TestUsers.PASSWORD)).hasStatus(HttpStatus.CREATED);
        assertThat(failedLogins()).isZero();
    }

    @Test
    void theCorrectPasswordWorksAgainOnceTheLockHasExpired() {
        for (int attempt = 1; attempt <= LOCK_AFTER; attempt++) {
            issueToken("wrong-password-" + attempt);
        }
        assertThat(issueToken(TestUsers.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);

        jdbc.sql("update users set locked_until = now() - interval '1 second' where id = :id")
                .param("id", user.id()).update();

        assertThat(issueToken(TestUsers.PASSWORD)).hasStatus(HttpStatus.CREATED);
        assertThat(failedLogins()).isZero();
        assertThat(lockedUntil()).isNull();
    }

    @Test
    void aLockedAccountCannotSignInToTheBrowserAndIsToldWhy() throws Exception {
        jdbc.sql("update users set failed_logins = :n, locked_until = :until where id = :id")
                .param("n", LOCK_AFTER).param("until", Timestamp.from(Instant.now().plusSeconds(600)))
                .param("id", user.id()).update();

        MvcTestResult signIn = mvc.perform(formLogin("/login").user(user.email()).password(TestUsers.PASSWORD));

        assertThat(signIn).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        Cookie session = signIn.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(mvc.get().uri("/login?error").cookie(session)).hasStatusOk().bodyText()
                .contains("Too many failed sign-ins. This account is locked for a while");
    }

    @Test
    void theAdminCanLiftALockEarly() {
        jdbc.sql("update users set failed_logins = :n, locked_until = :until where id = :id")
                .param("n", LOCK_AFTER).param("until", Timestamp.from(Instant.now().plusSeconds(600)))
                .param("id", user.id()).update();
        assertThat(userService.lockedUntil(user.id())).isPresent();

        userService.unlock(user.id());

        assertThat(issueToken(TestUsers.PASSWORD)).hasStatus(HttpStatus.CREATED);
    }

    private MvcTestResult issueToken(String password) {
        return mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user.email(), password)).exchange();
    }

    private Instant lockedUntil() {
        Timestamp until = jdbc.sql("select locked_until from users where id = :id").param("id", user.id())
                .query(Timestamp.class).optional().orElse(null);
        return until == null ? null : until.toInstant();
    }

    private int failedLogins() {
        return jdbc.sql("select failed_logins from users where id = :id").param("id", user.id())
                .query(Integer.class).single();
    }
}
