package io.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.kervan.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The admin pages for users and teams, signed in through {@code authentication(...)} with our own principal. */
@IntegrationTest
class AdminPagesIntegrationTests {

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

    TestUsers testUsers;
    UserView admin;
    Authentication asAdmin;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
        admin = testUsers.create(Role.ADMIN);
        asAdmin = testUsers.signedIn(admin);
    }

    @Test
    void theUserListShowsNameEmailRoleTeamAndActiveFlag() {
        TeamView team = teamService.create("Eskişehir " + UUID.randomUUID(), null);
        UserView rep = testUsers.create(Role.SALES_REP, team.id(), "en");

        MvcTestResult page = mvc.get().uri("/admin/users").with(authentication(asAdmin)).exchange();

        assertThat(page).hasStatusOk().bodyText().contains(rep.email(), team.name(), "Sales rep", "New user");
        assertThat(page).bodyText().contains("data-user-id=\"" + rep.id() + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/users", "/admin/users/new", "/admin/teams", "/admin/teams/new"})
    void adminPagesAreForbiddenForASalesRep(String uri) {
        Authentication asRep = testUsers.signedIn(testUsers.create(Role.SALES_REP));

        assertThat(mvc.get().uri(uri).with(authentication(asRep))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSalesRepCannotCreateUsersByPostingTheForm() {
        Authentication asRep = testUsers.signedIn(testUsers.create(Role.SALES_REP));
        String email = TestUsers.uniqueEmail("sneaky");

        assertThat(mvc.post().uri("/admin/users").with(authentication(asRep)).with(csrf())
                .param("email", email).param("firstName", "S").param("lastName", "S")
                .param("password", "long-enough-pw").param("role", "ADMIN").param("active", "true"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(userService.list()).extracting(UserView::email).doesNotContain(email);
    }

    @Test
    void visitorsWhoAreNotSignedInAreSentToTheSignInPage() {
        assertThat(mvc.get().uri("/admin/users")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
    }

    @Test
    void theAdminCreatesAUserThroughTheForm() {
        TeamView team = teamService.create("Mersin " + UUID.randomUUID(), null);
        String email = TestUsers.uniqueEmail("form");

        MvcTestResult created = mvc.post().uri("/admin/users").with(authentication(asAdmin)).with(csrf())
                .param("email", email).param("firstName", "Zeynep").param("lastName", "Kaya")
                .param("password", "form-password-1").param("role", "MANAGER").param("teamId", team.id().toString())
                .param("locale", "tr").param("active", "true").exchange();

        assertThat(created).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");
        assertThat(created).flash().containsEntry("saved", "Zeynep Kaya");
        UserView user = userService.list().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
        assertThat(user).extracting(UserView::role, UserView::teamId, UserView::active, UserView::locale)
                .containsExactly(Role.MANAGER, team.id(), true, "tr");
    }

    @Test
    void invalidInputIsShownNextToTheFieldsAndThePasswordIsNotSentBack() {
        MvcTestResult page = mvc.post().uri("/admin/users").with(authentication(asAdmin)).with(csrf())
                .param("email", "not-an-email").param("firstName", "").param("lastName", "Kaya")
                .param("password", "short-pw").param("role", "SALES_REP").exchange();

        assertThat(page).hasStatusOk().bodyText()
                .contains("id=\"email-error\"", "This is not a valid e-mail address.")
                .contains("id=\"firstName-error\"", "This field is required.")
                .contains("id=\"password-error\"", "The password must have 10 to 72 characters.")
                .contains("value=\"not-an-email\"")
                .doesNotContain("short-pw");
    }

    @Test
    void theAdminEditsRoleTeamAndActiveFlag() {
        UserView rep = testUsers.create(Role.SALES_REP);
        TeamView team = teamService.create("Samsun " + UUID.randomUUID(), null);
        assertThat(mvc.get().uri("/admin/users/" + rep.id() + "/edit").with(authentication(asAdmin)))
                .hasStatusOk().bodyText().contains("value=\"" + rep.email() + "\"");

        // An unticked "active" box is not sent at all.
        assertThat(mvc.post().uri("/admin/users/" + rep.id()).with(authentication(asAdmin)).with(csrf())
                .param("version", "0").param("email", rep.email()).param("firstName", "Can").param("lastName", "Öztürk")
                .param("password", "").param("role", "SUPPORT_AGENT").param("teamId", team.id().toString())
                .param("locale", "en"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");

        assertThat(userService.get(rep.id())).extracting(UserView::role, UserView::teamId, UserView::active,
                UserView::lastName).containsExactly(Role.SUPPORT_AGENT, team.id(), false, "Öztürk");
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedWithAMessage() {
        UserView rep = testUsers.create(Role.SALES_REP);
        userService.update(rep.id(), new UserDraft(rep.email(), "Changed", rep.lastName(), null, rep.role(), null,
                true, "en"), 0);

        MvcTestResult page = mvc.post().uri("/admin/users/" + rep.id()).with(authentication(asAdmin)).with(csrf())
                .param("version", "0").param("email", rep.email()).param("firstName", "Mine").param("lastName", "X")
                .param("role", "SALES_REP").param("active", "true").exchange();

        assertThat(page).hasStatusOk().bodyText().contains("Someone else changed this record meanwhile");
        assertThat(userService.get(rep.id()).firstName()).isEqualTo("Changed");
    }

    @Test
    void anAdminCannotTakeAwayTheirOwnAdminRoleInTheForm() {
        MvcTestResult page = mvc.post().uri("/admin/users/" + admin.id()).with(authentication(asAdmin)).with(csrf())
                .param("version", "0").param("email", admin.email()).param("firstName", "A").param("lastName", "B")
                .param("role", "READ_ONLY").param("active", "true").exchange();

        assertThat(page).hasStatusOk().bodyText().contains("id=\"role-error\"", "You cannot change your own role");
        assertThat(userService.get(admin.id()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void pagesSpeakTurkishToATurkishAdmin() {
        Authentication asTurkishAdmin = testUsers.signedIn(testUsers.create(Role.ADMIN, null, "tr"));

        assertThat(mvc.get().uri("/admin/users").with(authentication(asTurkishAdmin))).hasStatusOk().bodyText()
                .contains("Kullanıcılar", "Yeni kullanıcı", "Satış temsilcisi");
        assertThat(mvc.get().uri("/admin/teams/new").with(authentication(asTurkishAdmin))).hasStatusOk().bodyText()
                .contains("Yeni ekip", "Yönetici yok");
    }

    @Test
    void theTeamListShowsManagerAndMemberCount() throws Exception {
        UserView manager = testUsers.create(Role.MANAGER);
        TeamView team = teamService.create("Kayseri " + UUID.randomUUID(), manager.id());
        testUsers.create(Role.SALES_REP, team.id(), "en");
        testUsers.create(Role.SALES_REP, team.id(), "en");

        String page = mvc.get().uri("/admin/teams").with(authentication(asAdmin)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        String row = page.substring(page.indexOf("data-team-id=\"" + team.id() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(team.name(), manager.displayName(), ">2</td>");
    }

    @Test
    void onlyManagersAndAdminsAreOfferedAsTeamManager() {
        UserView manager = testUsers.create(Role.MANAGER);
        UserView rep = testUsers.create(Role.SALES_REP);

        assertThat(mvc.get().uri("/admin/teams/new").with(authentication(asAdmin))).hasStatusOk().bodyText()
                .contains("value=\"" + manager.id() + "\"", "value=\"" + admin.id() + "\"")
                .doesNotContain("value=\"" + rep.id() + "\"");
    }

    @Test
    void theAdminCreatesAndRenamesATeamThroughTheForm() {
        UserView manager = testUsers.create(Role.MANAGER);
        String name = "Sivas " + UUID.randomUUID();

        assertThat(mvc.post().uri("/admin/teams").with(authentication(asAdmin)).with(csrf())
                .param("name", name).param("managerId", manager.id().toString()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/teams");
        TeamView team = teamService.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(team.managerId()).isEqualTo(manager.id());

        assertThat(mvc.post().uri("/admin/teams/" + team.id()).with(authentication(asAdmin)).with(csrf())
                .param("version", "0").param("name", name + " Merkez").param("managerId", ""))
                .hasStatus(HttpStatus.FOUND);
        assertThat(teamService.get(team.id())).extracting(TeamView::name, TeamView::managerId)
                .containsExactly(name + " Merkez", null);
    }

    @Test
    void aDuplicateTeamNameIsShownNextToTheNameField() {
        TeamView existing = teamService.create("Van " + UUID.randomUUID(), null);

        assertThat(mvc.post().uri("/admin/teams").with(authentication(asAdmin)).with(csrf())
                .param("name", existing.name()).param("managerId", "not-a-uuid"))
                .hasStatusOk().bodyText().contains("id=\"managerId-error\"", "This user does not exist.");
        assertThat(mvc.post().uri("/admin/teams").with(authentication(asAdmin)).with(csrf())
                .param("name", existing.name()).param("managerId", ""))
                .hasStatusOk().bodyText().contains("id=\"name-error\"", "A team with this name already exists.");
    }
}
