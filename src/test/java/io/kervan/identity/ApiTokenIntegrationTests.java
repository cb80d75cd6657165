package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class ApiTokenIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserService userService;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    KervanUserDetailsService userDetails;

    TestUsers testUsers;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
    }

    @Test
    void goodBasicCredentialsGetATokenThatWorksAsBearer() throws Exception {
        UserView rep = testUsers.create(Role.SALES_REP);

        MvcTestResult issued = mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(rep.email(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"CLI\"}").exchange();

        assertThat(issued).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.name").isEqualTo("CLI");
        assertThat(issued).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
        String token = JsonPath.read(body(issued), "$.token");
        assertThat(token).startsWith("kvn_");
        assertThat(UUID.fromString(JsonPath.read(body(issued), "$.id"))).isNotNull();

        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(rep.email());
    }

    @Test
    void aTokenCanBeRequestedWithoutABody() {
        UserView rep = testUsers.create(Role.SALES_REP);

        assertThat(mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(rep.email(), TestUsers.PASSWORD)))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.name").isEqualTo("API token");
        assertThat(tokens.listFor(rep.id())).hasSize(1);
    }

    @Test
    void badBasicCredentialsAreRefusedWithProblemJson() {
        UserView rep = testUsers.create(Role.SALES_REP);

        MvcTestResult refused = mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(rep.email(), "wrong-password-1")).exchange();

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.status").isEqualTo(401);
        assertThat(tokens.listFor(rep.id())).isEmpty();
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() {
        assertThat(mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.uniqueEmail("nobody"), "whatever-123")))
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/v1/users/me", "GET,/api/v1/users", "POST,/api/v1/users", "GET,/api/v1/teams",
            "POST,/api/v1/teams", "PATCH,/api/v1/teams/0190d7a0-0000-7000-8000-000000000000",
            "GET,/api/v1/users/0190d7a0-0000-7000-8000-000000000000", "GET,/api/v1/companies", "GET,/api/v1/anything"})
    void apiCallsWithoutATokenAreUnauthorized(String method, String uri) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method)).uri(uri)
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void basicCredentialsAreAcceptedOnlyForIssuingTokens() {
        UserView admin = testUsers.create(Role.ADMIN);

        assertThat(mvc.get().uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(admin.email(), TestUsers.PASSWORD)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRevokedTokenIsRefused() {
        UserView rep = testUsers.create(Role.SALES_REP);
        ApiTokenService.IssuedToken token = tokens.issue(rep.id(), "to revoke");
        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.token()))
                .hasStatusOk();

        tokens.revoke(rep.id(), token.id());

        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.token()))
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenOfADeactivatedUserIsRefused() {
        UserView rep = testUsers.create(Role.SALES_REP);
        String bearer = testUsers.bearer(rep);

        userService.update(rep.id(), new UserDraft(rep.email(), rep.firstName(), rep.lastName(), null, rep.role(),
                null, false, rep.locale()), rep.version());

        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void madeUpTokensAreRefused() {
        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer kvn_madeup"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-even-a-token"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void lastUseOfATokenIsRemembered() {
        UserView rep = testUsers.create(Role.SALES_REP);
        ApiTokenService.IssuedToken token = tokens.issue(rep.id(), "used");

        mvc.get().uri("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.token()).exchange();

        assertThat(tokens.listFor(rep.id())).singleElement()
                .satisfies(view -> assertThat(view.lastUsedAt()).isNotNull());
    }

    private static String body(MvcTestResult result) throws UnsupportedEncodingException {
        return result.getResponse().getContentAsString();
    }
}
