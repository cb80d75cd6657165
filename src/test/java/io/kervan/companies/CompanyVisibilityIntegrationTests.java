package io.kervan.companies;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.TeamView;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The visibility rule through the API: lists, search, get, change. */
@IntegrationTest
class CompanyVisibilityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser managerA;
    TestUsers.TestUser repA1;
    TestUsers.TestUser repA2;
    TestUsers.TestUser repB;
    TestUsers.TestUser readOnly;
    TestUsers.TestUser admin;
    String marker;
    String privateOfA2;
    String sharedOfA2;
    String ofB;

    @BeforeEach
    void twoTeams() {
        TestUsers users = new TestUsers(context);
        managerA = users.create(Role.MANAGER, null);
        TeamView teamA = users.team(managerA.id());
        TeamView teamB = users.team(null);
        repA1 = users.create(Role.SALES_REP, teamA.id());
        repA2 = users.create(Role.SALES_REP, teamA.id());
        repB = users.create(Role.SALES_REP, teamB.id());
        readOnly = users.create(Role.READ_ONLY, null);
        admin = users.create(Role.ADMIN, null);
        marker = "Vis" + UUID.randomUUID().toString().substring(0, 8);
        privateOfA2 = create(repA2, marker + " Private", false);
        sharedOfA2 = create(repA2, marker + " Shared", true);
        ofB = create(repB, marker + " Other team", true);
    }

    String create(TestUsers.TestUser owner, String name, boolean visibleToTeam) {
        MvcTestResult result = mvc.post().uri("/api/v1/companies").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"visibleToTeam\": " + visibleToTeam + "}").exchange();
        assertThat(result).hasStatus(201);
        return result.getResponse().getHeader("Location");
    }

    MvcTestResult search(TestUsers.TestUser user) {
        return mvc.get().uri("/api/v1/companies?q=" + marker).header("Authorization", user.bearer()).exchange();
    }

    @Test
    void aSalesRepSeesTeammatesSharedRecordsButNotPrivateOnesOrOtherTeams() {
        assertThat(search(repA1)).bodyJson().extractingPath("$.items[*].name").asArray()
                .containsExactly(marker + " Shared");
        assertThat(mvc.get().uri(sharedOfA2).header("Authorization", repA1.bearer())).hasStatusOk();
        assertThat(mvc.get().uri(privateOfA2).header("Authorization", repA1.bearer())).hasStatus(404);
        assertThat(mvc.get().uri(ofB).header("Authorization", repA1.bearer())).hasStatus(404);
    }

    @Test
    void aSalesRepMayNotChangeATeammatesRecordNorArchiveIt() {
        assertThat(mvc.patch().uri(sharedOfA2).header("Authorization", repA1.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\": \"Van\"}")).hasStatus(403);
        assertThat(mvc.delete().uri(sharedOfA2).header("Authorization", repA1.bearer())).hasStatus(403);
        assertThat(mvc.patch().uri(privateOfA2).header("Authorization", repA1.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\": \"Van\"}")).hasStatus(404);
    }

    @Test
    void aSalesRepMayNotGiveARecordToSomeoneElse() {
        MvcTestResult result = mvc.post().uri("/api/v1/companies").header("Authorization", repA1.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Gift\", \"ownerId\": \"" + repA2.id() + "\"}").exchange();
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ownerId");
    }

    @Test
    void aManagerSeesAndEditsEverythingOfTheTeamsTheyLeadButNothingElse() {
        assertThat(search(managerA)).bodyJson().extractingPath("$.items[*].name").asArray()
                .containsExactlyInAnyOrder(marker + " Private", marker + " Shared");
        assertThat(mvc.patch().uri(privateOfA2).header("Authorization", managerA.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\": \"Muş\"}")).hasStatusOk();
        assertThat(mvc.get().uri(ofB).header("Authorization", managerA.bearer())).hasStatus(404);
    }

    @Test
    void readOnlyRolesSeeEverythingAndChangeNothing() {
        assertThat(search(readOnly)).bodyJson().extractingPath("$.items").asArray().hasSize(3);
        assertThat(mvc.patch().uri(ofB).header("Authorization", readOnly.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\": \"Van\"}")).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", readOnly.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Nope\"}")).hasStatus(403);
    }

    @Test
    void anAdminSeesAndEditsEverything() {
        assertThat(search(admin)).bodyJson().extractingPath("$.items").asArray().hasSize(3);
        assertThat(mvc.patch().uri(privateOfA2).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\": \"Rize\"}")).hasStatusOk();
    }
}
