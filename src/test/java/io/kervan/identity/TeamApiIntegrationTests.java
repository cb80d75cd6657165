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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TeamApiIntegrationTests {

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
    String adminBearer;

    @BeforeEach
    void setUp() {
        testUsers = new TestUsers(userService, tokens, userDetails);
        adminBearer = testUsers.bearer(testUsers.create(Role.ADMIN));
    }

    @Test
    void everySignedInUserReadsTeams() {
        TeamView team = teamService.create("Bursa " + UUID.randomUUID(), null);
        String repBearer = testUsers.bearer(testUsers.create(Role.SALES_REP, team.id(), "en"));

        assertThat(mvc.get().uri("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, repBearer))
                .hasStatusOk().bodyJson().extractingPath("$.items[*].name").asArray().contains(team.name());
        assertThat(mvc.get().uri("/api/v1/teams/" + team.id()).header(HttpHeaders.AUTHORIZATION, repBearer))
                .hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"0\"");
        assertThat(mvc.get().uri("/api/v1/teams/" + team.id()).header(HttpHeaders.AUTHORIZATION, repBearer))
                .bodyJson().extractingPath("$.memberCount").isEqualTo(1);
    }

    @Test
    void onlyAdminsCreateOrChangeTeams() {
        TeamView team = teamService.create("Adana " + UUID.randomUUID(), null);
        String managerBearer = testUsers.bearer(testUsers.create(Role.MANAGER));

        assertThat(create(managerBearer, "{\"name\": \"Mine " + UUID.randomUUID() + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch().uri("/api/v1/teams/" + team.id()).header(HttpHeaders.AUTHORIZATION, managerBearer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Taken over\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(teamService.get(team.id()).name()).isEqualTo(team.name());
    }

    @Test
    void theAdminCreatesATeamLedByAManager() throws Exception {
        UserView manager = testUsers.create(Role.MANAGER);
        String name = "Antalya " + UUID.randomUUID();

        MvcTestResult created = create(adminBearer, """
                {"name": "%s", "managerId": "%s"}""".formatted(name, manager.id()));

        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.managerName")
                .isEqualTo(manager.displayName());
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(created).headers().hasValue(HttpHeaders.LOCATION, "http://localhost/api/v1/teams/" + id);
    }

    @Test
    void aTeamManagerMustBeAManagerOrAdmin() {
        UserView rep = testUsers.create(Role.SALES_REP);

        assertThat(create(adminBearer, """
                {"name": "Rep-led %s", "managerId": "%s"}""".formatted(UUID.randomUUID(), rep.id())))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("A team manager must have the role Manager or Admin.");
    }

    @Test
    void teamNamesAreUniqueWhateverTheirCase() {
        TeamView team = teamService.create("Konya " + UUID.randomUUID(), null);

        assertThat(create(adminBearer, "{\"name\": \"" + team.name().toUpperCase() + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void patchRenamesAndClearsTheManagerAndRefusesAStaleVersion() {
        UserView manager = testUsers.create(Role.MANAGER);
        TeamView team = teamService.create("Trabzon " + UUID.randomUUID(), manager.id());
        String newName = "Rize " + UUID.randomUUID();

        assertThat(patch(team.id(), "\"0\"", "{\"name\": \"" + newName + "\", \"managerId\": null}"))
                .hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"1\"");
        assertThat(teamService.get(team.id())).extracting(TeamView::name, TeamView::managerId)
                .containsExactly(newName, null);

        assertThat(patch(team.id(), "\"0\"", "{\"name\": \"Too late\"}")).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(patch(team.id(), null, "{\"colour\": \"blue\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(teamService.get(team.id()).name()).isEqualTo(newName);
    }

    private MvcTestResult create(String bearer, String json) {
        return mvc.post().uri("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult patch(UUID id, String ifMatch, String json) {
        var request = mvc.patch().uri("/api/v1/teams/" + id).header(HttpHeaders.AUTHORIZATION, adminBearer)
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }
}
