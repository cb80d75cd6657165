package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class UserApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserService userService;

    @Autowired
    TeamService teamService;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    KervanUserDetailsService userDetails;

    @Autowired
    JdbcClient jdbc;

    TestUsers testUsers;
    UserView admin;
    String adminBearer;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
        admin = testUsers.create(Role.ADMIN);
        adminBearer = testUsers.bearer(admin);
    }

    @Test
    void aNonAdminTokenIsForbiddenOnUserAdministration() {
        String repBearer = testUsers.bearer(testUsers.create(Role.SALES_REP));
        String managerBearer = testUsers.bearer(testUsers.create(Role.MANAGER));

        assertThat(mvc.get().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, repBearer))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/users/" + admin.id()).header(HttpHeaders.AUTHORIZATION, managerBearer))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(repBearer, newUserJson(TestUsers.uniqueEmail("sneaky"), "long-enough-pw", "ADMIN")))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void everySignedInUserReadsThemselvesAtMe() {
        UserView readOnly = testUsers.create(Role.READ_ONLY);

        MvcTestResult me = mvc.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, testUsers.bearer(readOnly))
                .exchange();

        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(readOnly.id().toString());
        assertThat(me).bodyJson().extractingPath("$.role").isEqualTo("READ_ONLY");
        assertThat(me).bodyText().doesNotContain("passwordHash").doesNotContain("$2a$");
    }

    @Test
    void theAdminListsUsersWithoutPasswordHashes() {
        UserView rep = testUsers.create(Role.SALES_REP);

        MvcTestResult list = mvc.get().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, adminBearer).exchange();

        assertThat(list).hasStatusOk().bodyJson().extractingPath("$.items[*].email").asArray().contains(rep.email());
        assertThat(list).bodyText().doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    void creatingAUserAnswers201WithLocationAndTheUserCanSignIn() throws Exception {
        TeamView team = teamService.create("Ankara " + UUID.randomUUID(), null);
        String email = TestUsers.uniqueEmail("New.Rep");

        MvcTestResult created = post(adminBearer, """
                {"email": "%s", "firstName": "Ayşe", "lastName": "Yılmaz", "password": "a-good-password",
                 "role": "SALES_REP", "teamId": "%s", "locale": "tr"}""".formatted(email, team.id()));

        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.teamName").isEqualTo(team.name());
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(created).headers().hasValue(HttpHeaders.LOCATION, "http://localhost/api/v1/users/" + id);
        assertThat(created).headers().hasValue(HttpHeaders.ETAG, "\"0\"");
        assertThat(created).bodyJson().extractingPath("$.email").isEqualTo(email.toLowerCase());
        assertThat(created).bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(created).bodyText().doesNotContain("a-good-password").doesNotContain("$2a$");
        assertThat(mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(email, "a-good-password")))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aBadEmailAndAShortPasswordAreFieldErrors() {
        MvcTestResult refused = post(adminBearer, newUserJson("not-an-email", "short", "SALES_REP"));

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("email", "password");
        assertThat(refused).bodyJson().extractingPath("$.errors[?(@.field == 'password')].message").asArray()
                .containsExactly("The password must have 10 to 72 characters.");
    }

    @Test
    void controlCharactersInNamesAreFieldErrors() {
        MvcTestResult refused = post(adminBearer, """
                {"email": "ctl-%s@kervan.test", "firstName": "Nul\\u0000", "lastName": "Bell\\u0007",
                 "password": "long-enough-1", "role": "SALES_REP"}""".formatted(java.util.UUID.randomUUID()));
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("firstName", "lastName");
    }

    @Test
    void aDuplicateEmailIsAFieldErrorWhateverItsCase() {
        UserView existing = testUsers.create(Role.SALES_REP);

        MvcTestResult refused = post(adminBearer, newUserJson(existing.email().toUpperCase(), "long-enough-pw", "SALES_REP"));

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(jdbc.sql("select count(*) from users where email = :email").param("email", existing.email())
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void unknownFieldsAndUnknownRolesAreRefused() {
        String email = TestUsers.uniqueEmail("odd");

        assertThat(post(adminBearer, """
                {"email": "%s", "firstName": "A", "lastName": "B", "password": "long-enough-pw", "role": "SALES_REP",
                 "isSuperuser": true}""".formatted(email)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("isSuperuser");
        assertThat(post(adminBearer, newUserJson(email, "long-enough-pw", "EMPEROR")))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("role");
        assertThat(userService.list()).extracting(UserView::email).doesNotContain(email);
    }

    @Test
    void getAnswersWithTheVersionAsETag() {
        UserView rep = testUsers.create(Role.SALES_REP);

        assertThat(mvc.get().uri("/api/v1/users/" + rep.id()).header(HttpHeaders.AUTHORIZATION, adminBearer))
                .hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"0\"");
        assertThat(mvc.get().uri("/api/v1/users/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, adminBearer))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        TeamView team = teamService.create("İzmir " + UUID.randomUUID(), null);
        UserView rep = testUsers.create(Role.SALES_REP, team.id(), "en");

        MvcTestResult patched = patch(rep.id(), "\"0\"", "{\"lastName\": \"Demir\", \"teamId\": null}");

        assertThat(patched).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"1\"");
        UserView after = userService.get(rep.id());
        assertThat(after.lastName()).isEqualTo("Demir");
        assertThat(after.teamId()).isNull();
        assertThat(after.firstName()).isEqualTo(rep.firstName());
        assertThat(after.email()).isEqualTo(rep.email());
        assertThat(after.role()).isEqualTo(Role.SALES_REP);
        assertThat(after.active()).isTrue();
    }

    @Test
    void patchWithAStaleIfMatchIsRefusedWith412AndChangesNothing() {
        UserView rep = testUsers.create(Role.SALES_REP);
        assertThat(patch(rep.id(), "\"0\"", "{\"firstName\": \"First\"}")).hasStatusOk();

        MvcTestResult stale = patch(rep.id(), "\"0\"", "{\"firstName\": \"Second\"}");

        assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(userService.get(rep.id()).firstName()).isEqualTo("First");
    }

    @Test
    void patchCanSetANewPassword() {
        UserView rep = testUsers.create(Role.SALES_REP);

        assertThat(patch(rep.id(), null, "{\"password\": \"a-brand-new-password\"}")).hasStatusOk();

        assertThat(mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(rep.email(), "a-brand-new-password")))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post().uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(rep.email(), TestUsers.PASSWORD)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void patchRefusesUnknownFieldsWrongTypesAndBadValues() {
        UserView rep = testUsers.create(Role.SALES_REP);

        assertThat(patch(rep.id(), null, "{\"passwordHash\": \"x\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("passwordHash");
        assertThat(patch(rep.id(), null, "{\"active\": \"yes\", \"teamId\": \"nope\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("active", "teamId");
        assertThat(patch(rep.id(), null, "{\"email\": null}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(patch(rep.id(), null, "[1, 2]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(userService.get(rep.id()).version()).isZero();
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselves() {
        MvcTestResult refused = patch(admin.id(), null, "{\"role\": \"SALES_REP\", \"active\": false}");

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("role", "active");
        assertThat(userService.get(admin.id()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anAdminCanDemoteAnotherAdmin() {
        UserView other = testUsers.create(Role.ADMIN);

        assertThat(patch(other.id(), null, "{\"role\": \"MANAGER\"}")).hasStatusOk().bodyJson()
                .extractingPath("$.role").isEqualTo("MANAGER");
    }

    @Test
    void theApiDocumentationDescribesTheIdentityEndpoints() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson().extractingPath("$.paths").asMap()
                .containsKeys("/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/me", "/api/v1/teams",
                        "/api/v1/teams/{id}", "/api/v1/auth/tokens");
    }

    private MvcTestResult post(String bearer, String json) {
        return mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult patch(UUID id, String ifMatch, String json) {
        var request = mvc.patch().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, adminBearer)
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).content(json);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private static String newUserJson(String email, String password, String role) {
        return """
                {"email": "%s", "firstName": "Test", "lastName": "User", "password": "%s", "role": "%s"}"""
                .formatted(email, password, role);
    }
}
