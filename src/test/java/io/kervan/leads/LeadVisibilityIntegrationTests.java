package io.kervan.leads;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.TeamView;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The visibility rule for leads through the API: lists, search, get, change, conversion. */
@IntegrationTest
class LeadVisibilityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    LeadApi api;
    TestUsers.TestUser repA1;
    TestUsers.TestUser repA2;
    TestUsers.TestUser repB;
    TestUsers.TestUser manager;
    String marker;
    String privateOfB;
    String sharedOfA2;
    String privateOfA2;

    @BeforeEach
    void twoTeams() {
        api = new LeadApi(mvc);
        TestUsers users = new TestUsers(context);
        manager = users.create(Role.MANAGER, null);
        TeamView teamA = users.team(manager.id());
        TeamView teamB = users.team(null);
        repA1 = users.create(Role.SALES_REP, teamA.id());
        repA2 = users.create(Role.SALES_REP, teamA.id());
        repB = users.create(Role.SALES_REP, teamB.id());
        marker = "Gorunur" + UUID.randomUUID().toString().substring(0, 8);
        privateOfB = api.create(repB, "{\"lastName\": \"" + marker + " B\", \"phone\": \"0544 "
                + (100 + (int) (Math.random() * 800)) + " 00 11\", \"visibleToTeam\": false}");
        sharedOfA2 = api.create(repA2, "{\"lastName\": \"" + marker + " Shared\", \"visibleToTeam\": true}");
        privateOfA2 = api.create(repA2, "{\"lastName\": \"" + marker + " Private\", \"visibleToTeam\": false}");
    }

    @Test
    void aSalesRepDoesNotFindAnotherTeamsPrivateLeadInListSearchOrGet() {
        assertThat(api.get(repA1, "/api/v1/leads?q=" + marker)).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].lastName").asArray().containsExactly(marker + " Shared");
        assertThat(api.get(repA1, "/api/v1/leads?limit=200&ownerId=" + repB.id())).bodyJson()
                .extractingPath("$.items").asArray().isEmpty();
        assertThat(api.get(repA1, privateOfB)).hasStatus(404);
        assertThat(api.get(repA1, privateOfA2)).hasStatus(404);
        assertThat(api.patch(repA1, privateOfB, "{\"title\": \"x\"}")).hasStatus(404);
        assertThat(api.post(repA1, privateOfB + "/conversion", "{}")).hasStatus(404);
        assertThat(api.get(repB, privateOfB)).hasStatusOk();
    }

    @Test
    void aTeammateSeesASharedLeadButMayNotChangeOrConvertIt() {
        assertThat(api.get(repA1, sharedOfA2)).hasStatusOk();
        assertThat(api.patch(repA1, sharedOfA2, "{\"title\": \"x\"}")).hasStatus(403);
        assertThat(mvc.delete().uri(sharedOfA2).header("Authorization", repA1.bearer())).hasStatus(403);
        assertThat(api.post(repA1, sharedOfA2 + "/conversion", "{}")).hasStatus(403);
    }

    @Test
    void theTeamManagerSeesAndChangesBothOfTheTeamsLeadsButNotOtherTeams() {
        assertThat(api.get(manager, "/api/v1/leads?q=" + marker)).bodyJson().extractingPath("$.items[*].lastName")
                .asArray().containsExactlyInAnyOrder(marker + " Shared", marker + " Private");
        assertThat(api.patch(manager, privateOfA2, "{\"status\": \"contacted\"}")).hasStatusOk();
        assertThat(api.get(manager, privateOfB)).hasStatus(404);
    }

    @Test
    void aSalesRepCannotGiveALeadToSomeoneElse() {
        assertThat(api.post(repA1, "/api/v1/leads", "{\"lastName\": \"X\", \"ownerId\": \"" + repA2.id() + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ownerId");
    }
}
