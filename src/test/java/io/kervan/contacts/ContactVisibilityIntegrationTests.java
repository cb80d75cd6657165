package io.kervan.contacts;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.UserDraft;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The visibility rule for contacts: list, search, get and change, through the API. */
@IntegrationTest
class ContactVisibilityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser repA1;
    TestUsers.TestUser repA2;
    TestUsers.TestUser repB;
    TestUsers.TestUser manager;
    UUID teamA;
    String marker;
    String privateOfA2;
    String sharedOfA2;
    String ofB;

    @BeforeEach
    void twoTeams() {
        TestUsers users = new TestUsers(context);
        manager = users.create(Role.MANAGER, null);
        teamA = users.team(manager.id()).id();
        UUID teamB = users.team(null).id();
        repA1 = users.create(Role.SALES_REP, teamA);
        repA2 = users.create(Role.SALES_REP, teamA);
        repB = users.create(Role.SALES_REP, teamB);
        marker = "Gorunur" + ContactFixtures.token();
        privateOfA2 = create(repA2, "Gizli", false);
        sharedOfA2 = create(repA2, "Paylasilan", true);
        ofB = create(repB, "Baska", true);
    }

    String create(TestUsers.TestUser owner, String firstName, boolean visibleToTeam) {
        MvcTestResult result = mvc.post().uri("/api/v1/contacts").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"firstName": "%s", "lastName": "%s", "visibleToTeam": %s}"""
                        .formatted(firstName, marker, visibleToTeam)).exchange();
        assertThat(result).hasStatus(201);
        return result.getResponse().getHeader("Location");
    }

    @Test
    void aRepMovedToAnotherTeamSeesItsSharedContactsOnTheNextRequestWithTheSameToken() {
        // What a rep sees is read with their API token on every request, not kept with the token.
        assertThat(mvc.get().uri(sharedOfA2).header("Authorization", repB.bearer())).hasStatus(404);
        UserView moved = repB.user();
        context.getBean(UserService.class).update(moved.id(), new UserDraft(moved.email(), moved.firstName(),
                moved.lastName(), null, moved.role(), teamA, true, moved.locale()), moved.version());
        assertThat(mvc.get().uri(sharedOfA2).header("Authorization", repB.bearer())).hasStatusOk();
        assertThat(mvc.get().uri(privateOfA2).header("Authorization", repB.bearer())).hasStatus(404);
        assertThat(mvc.get().uri(ofB).header("Authorization", repB.bearer())).hasStatusOk();
    }

    @Test
    void aSalesRepFindsOnlyOwnAndTeamSharedContacts() {
        assertThat(mvc.get().uri("/api/v1/contacts").param("q", marker).header("Authorization", repA1.bearer()))
                .bodyJson().extractingPath("$.items[*].firstName").asArray().containsExactly("Paylasilan");
        assertThat(mvc.get().uri("/api/v1/contacts").param("q", marker).header("Authorization", repB.bearer()))
                .bodyJson().extractingPath("$.items[*].firstName").asArray().containsExactly("Baska");
    }

    @Test
    void aSalesRepPagesThroughOwnAndTeamSharedContactsInOrderWithNoneTwiceAndNoneHidden() throws Exception {
        // interleaved in name order with the teammate's and the other team's contacts, read two at a time
        for (String name : new String[] {"Ahmet", "Cem", "Ece", "Gül", "İpek"}) {
            create(repA1, name, false);
        }
        create(repA2, "Burak", true);
        create(repA2, "Deniz", false);
        create(repA2, "Fatma", true);
        create(repB, "Hakan", true);
        assertThat(pages(repA1, "name")).containsExactly("Ahmet", "Burak", "Cem", "Ece", "Fatma", "Gül", "İpek",
                "Paylasilan");
        assertThat(pages(repA1, "-name")).containsExactly("Paylasilan", "İpek", "Gül", "Fatma", "Ece", "Cem",
                "Burak", "Ahmet");
        assertThat(pages(repA1, "-updatedAt")).containsExactly("Fatma", "Burak", "İpek", "Gül", "Ece", "Cem",
                "Ahmet", "Paylasilan");
    }

    List<String> pages(TestUsers.TestUser user, String sort) throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = mvc.get().uri("/api/v1/contacts").param("q", marker).param("sort", sort).param("limit", "2")
                    .header("Authorization", user.bearer());
            if (cursor != null) {
                request = request.param("cursor", cursor);
            }
            MvcTestResult page = request.exchange();
            assertThat(page).hasStatusOk();
            DocumentContext json = JsonPath.parse(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
            names.addAll(json.read("$.items[*].firstName"));
            cursor = json.read("$.nextCursor");
        } while (cursor != null);
        return names;
    }

    @Test
    void aSalesRepCannotFetchAPrivateOrOtherTeamsContactNorChangeASharedOne() {
        assertThat(mvc.get().uri(privateOfA2).header("Authorization", repA1.bearer())).hasStatus(404);
        assertThat(mvc.get().uri(ofB).header("Authorization", repA1.bearer())).hasStatus(404);
        assertThat(mvc.get().uri(sharedOfA2).header("Authorization", repA1.bearer())).hasStatusOk();
        assertThat(mvc.patch().uri(sharedOfA2).header("Authorization", repA1.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Müdür\"}")).hasStatus(403);
    }

    @Test
    void theTeamManagerSeesAndChangesTheTeamsContactsOnly() {
        assertThat(mvc.get().uri("/api/v1/contacts").param("q", marker).header("Authorization", manager.bearer()))
                .bodyJson().extractingPath("$.items[*].firstName").asArray()
                .containsExactlyInAnyOrder("Gizli", "Paylasilan");
        assertThat(mvc.patch().uri(privateOfA2).header("Authorization", manager.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Müdür\"}")).hasStatusOk();
        assertThat(mvc.get().uri(ofB).header("Authorization", manager.bearer())).hasStatus(404);
    }
}
