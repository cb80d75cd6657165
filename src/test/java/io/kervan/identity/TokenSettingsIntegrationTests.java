package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.kervan.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /settings/tokens}: every user manages their own personal API tokens. */
@IntegrationTest
class TokenSettingsIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("kvn_[A-Za-z0-9_-]{20,}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserService userService;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    KervanUserDetailsService userDetails;

    TestUsers testUsers;
    UserView rep;
    Authentication asRep;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
        rep = testUsers.create(Role.SALES_REP);
        asRep = testUsers.signedIn(rep);
    }

    @Test
    void theNewSecretIsShownOnceAndWorksOnTheApi() throws Exception {
        MvcTestResult created = mvc.post().uri("/settings/tokens").with(authentication(asRep)).with(csrf())
                .param("name", "Invoicing sync").exchange();

        assertThat(created).hasStatusOk().bodyText().contains("it will not be shown again");
        assertThat(created).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
        Matcher secret = TOKEN.matcher(created.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(secret.find()).isTrue();
        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret.group()))
                .hasStatusOk();

        MvcTestResult later = mvc.get().uri("/settings/tokens").with(authentication(asRep)).exchange();
        assertThat(later).hasStatusOk().bodyText().contains("Invoicing sync").doesNotContain(secret.group())
                .doesNotContain("kvn_");
    }

    @Test
    void theListShowsOnlyTheUsersOwnTokens() {
        tokens.issue(rep.id(), "Mine");
        tokens.issue(testUsers.create(Role.SALES_REP).id(), "Somebody else's");

        assertThat(mvc.get().uri("/settings/tokens").with(authentication(asRep))).hasStatusOk().bodyText()
                .contains("Mine").doesNotContain("Somebody else");
    }

    @Test
    void aRevokedTokenStopsWorkingAndIsShownAsRevoked() {
        ApiTokenService.IssuedToken token = tokens.issue(rep.id(), "Old script");

        assertThat(mvc.post().uri("/settings/tokens/" + token.id() + "/revoke").with(authentication(asRep)).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/settings/tokens");

        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.token()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/settings/tokens").with(authentication(asRep))).hasStatusOk().bodyText()
                .contains("Revoked ");
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        UserView other = testUsers.create(Role.SALES_REP);
        ApiTokenService.IssuedToken token = tokens.issue(other.id(), "Theirs");

        assertThat(mvc.post().uri("/settings/tokens/" + token.id() + "/revoke").with(authentication(asRep)).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(tokens.listFor(other.id())).singleElement().satisfies(t -> assertThat(t.active()).isTrue());
    }

    @Test
    void aTooLongNameIsShownNextToTheField() {
        MvcTestResult page = mvc.post().uri("/settings/tokens").with(authentication(asRep)).with(csrf())
                .param("name", "x".repeat(101)).exchange();

        assertThat(page).hasStatusOk().bodyText().contains("id=\"name-error\"", "This text is too long.")
                .doesNotContain("kvn_");
        assertThat(tokens.listFor(rep.id())).isEmpty();
    }

    @Test
    void revokingWithoutTheCsrfTokenIsRefused() {
        ApiTokenService.IssuedToken token = tokens.issue(rep.id(), "Kept");

        assertThat(mvc.post().uri("/settings/tokens/" + token.id() + "/revoke").with(authentication(asRep)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(tokens.listFor(rep.id())).singleElement().satisfies(t -> assertThat(t.active()).isTrue());
    }
}
