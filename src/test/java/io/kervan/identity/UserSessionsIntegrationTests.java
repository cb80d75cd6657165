package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.kervan.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Real form sign-ins with the JDBC session cookie, as a browser holds them. */
@IntegrationTest
class UserSessionsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserService userService;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    KervanUserDetailsService userDetails;

    TestUsers testUsers;
    String adminBearer;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
        adminBearer = testUsers.bearer(testUsers.create(Role.ADMIN));
    }

    @Autowired
    org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

    /** Two requests of one session storing the same new attribute at once: both saves succeed, the last wins. */
    @Test
    void twoRequestsAddingTheSameSessionAttributeAtOnceBothSucceed() {
        assertThat(lastOfTwoConcurrentWrites(sessions)).isEqualTo("en");
    }

    private static <S extends org.springframework.session.Session> String lastOfTwoConcurrentWrites(
            org.springframework.session.SessionRepository<S> repository) {
        S created = repository.createSession();
        repository.save(created);
        S first = repository.findById(created.getId());
        S second = repository.findById(created.getId());
        first.setAttribute("kervan.locale", "tr");
        second.setAttribute("kervan.locale", "en");
        repository.save(first);
        repository.save(second);
        return repository.findById(created.getId()).getAttribute("kervan.locale");
    }

    @Test
    void anAdminPageRendersAfterARealFormSignIn() {
        UserView admin = testUsers.create(Role.ADMIN);
        Cookie session = signIn(admin.email());

        assertThat(mvc.get().uri("/admin/teams").cookie(session)).hasStatusOk().bodyText().contains("New team");
    }

    @Test
    void deactivatingAUserEndsTheirBrowserSessionAtOnce() {
        UserView rep = testUsers.create(Role.SALES_REP);
        Cookie session = signIn(rep.email());
        assertThat(mvc.get().uri("/settings/tokens").cookie(session)).hasStatusOk();

        assertThat(patchUser(rep, "{\"active\": false}")).hasStatusOk();

        assertThat(mvc.get().uri("/settings/tokens").cookie(session)).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
    }

    @Test
    void aRoleChangeEndsTheSessionSoTheNewRoleAppliesAtTheNextSignIn() {
        UserView manager = testUsers.create(Role.ADMIN);
        Cookie session = signIn(manager.email());
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatusOk();

        assertThat(patchUser(manager, "{\"role\": \"SALES_REP\"}")).hasStatusOk();

        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/admin/users").cookie(signIn(manager.email()))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void changingOnlyTheNameKeepsTheSession() {
        UserView rep = testUsers.create(Role.SALES_REP);
        Cookie session = signIn(rep.email());

        assertThat(patchUser(rep, "{\"firstName\": \"Renamed\"}")).hasStatusOk();

        assertThat(mvc.get().uri("/settings/tokens").cookie(session)).hasStatusOk();
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsButNotThisOne() {
        UserView admin = testUsers.create(Role.ADMIN);
        Cookie here = signIn(admin.email());
        Cookie elsewhere = signIn(admin.email());

        assertThat(mvc.post().uri("/admin/users/" + admin.id()).cookie(here).with(csrf())
                .param("version", "0").param("email", admin.email()).param("firstName", admin.firstName())
                .param("lastName", admin.lastName()).param("password", "my-new-password-1").param("role", "ADMIN")
                .param("locale", "en").param("active", "true"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");

        assertThat(mvc.get().uri("/admin/users").cookie(here)).hasStatusOk();
        assertThat(mvc.get().uri("/admin/users").cookie(elsewhere)).hasStatus(HttpStatus.FOUND);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A request writes the session's last access only when the stored one is a minute old (or more changed). */
    @Test
    void theLastAccessIsStoredAtMostOnceAMinute() {
        UserView rep = testUsers.create(Role.SALES_REP);
        Cookie session = signIn(rep.email());
        long halfAMinuteAgo = System.currentTimeMillis() - 30_000;
        storeLastAccess(rep, halfAMinuteAgo);

        assertThat(mvc.get().uri("/settings/tokens").cookie(session)).hasStatusOk();
        assertThat(lastAccess(rep)).isEqualTo(halfAMinuteAgo);

        long twoMinutesAgo = System.currentTimeMillis() - 120_000;
        storeLastAccess(rep, twoMinutesAgo);
        assertThat(mvc.get().uri("/settings/tokens").cookie(session)).hasStatusOk();
        assertThat(lastAccess(rep)).isGreaterThan(System.currentTimeMillis() - 10_000);
        assertThat(jdbc.sql("select expiry_time - last_access_time from spring_session where principal_name = :p")
                .param("p", rep.email()).query(Long.class).single()).isEqualTo(8L * 3600 * 1000);
    }

    private void storeLastAccess(UserView user, long millis) {
        jdbc.sql("update spring_session set last_access_time = :t where principal_name = :p").param("t", millis)
                .param("p", user.email()).update();
    }

    private long lastAccess(UserView user) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = :p")
                .param("p", user.email()).query(Long.class).single();
    }

    private Cookie signIn(String email) {
        MvcTestResult result = mvc.perform(formLogin("/login").user(email).password(TestUsers.PASSWORD));
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private MvcTestResult patchUser(UserView user, String json) {
        return mvc.patch().uri("/api/v1/users/" + user.id()).header(HttpHeaders.AUTHORIZATION, adminBearer)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
