package io.kervan.deals;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.TeamView;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.kervan.deals.DealFixtures.MEETING;
import static org.assertj.core.api.Assertions.assertThat;

/** A sales rep sees their own deals and their teammates' team-visible ones; nothing of another team. */
@IntegrationTest
class DealVisibilityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser owner;
    TestUsers.TestUser teammate;
    TestUsers.TestUser outsider;
    DealFixtures api;

    @BeforeEach
    void users() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser manager = users.create(Role.MANAGER, null);
        TeamView team = users.team(manager.id());
        TeamView otherTeam = users.team(users.create(Role.MANAGER, null).id());
        owner = users.create(Role.SALES_REP, team.id());
        teammate = users.create(Role.SALES_REP, team.id());
        outsider = users.create(Role.SALES_REP, otherTeam.id());
        api = new DealFixtures(mvc);
    }

    @Test
    void aRepOfAnotherTeamCannotSeeAPrivateDealInListGetOrBoard() {
        String title = "Private deal " + UUID.randomUUID();
        String id = api.createDeal(owner, "{\"title\": \"" + title + "\", \"visibleToTeam\": false}");
        assertThat(api.get(outsider, "/api/v1/deals/" + id)).hasStatus(404);
        assertThat(api.get(outsider, "/api/v1/deals/" + id + "/stage-history")).hasStatus(404);
        assertThat(api.get(outsider, "/api/v1/deals?q=" + title)).bodyJson()
                .extractingPath("$.items").asArray().isEmpty();
        assertThat(api.post(outsider, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + MEETING + "\"}"))
                .hasStatus(404);
        Cookie session = SignedInBrowserSession.signIn(mvc, outsider.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/deals/board").cookie(session)).hasStatusOk().bodyText().doesNotContain(title);
        assertThat(mvc.get().uri("/deals/" + id).cookie(session)).hasStatus(404);
        assertThat(api.get(owner, "/api/v1/deals/" + id)).hasStatusOk();
    }

    @Test
    void aTeammateSeesATeamVisibleDealButMayNotChangeIt() {
        String id = api.createDeal(owner, "{\"title\": \"Team deal\"}");
        assertThat(api.get(teammate, "/api/v1/deals/" + id)).hasStatusOk();
        assertThat(api.post(teammate, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + MEETING + "\"}"))
                .hasStatus(403);
        assertThat(api.patch(teammate, "/api/v1/deals/" + id, "{\"title\": \"Mine now\"}")).hasStatus(403);
        Cookie session = SignedInBrowserSession.signIn(mvc, teammate.email(), TestUsers.PASSWORD);
        assertThat(mvc.post().uri("/deals/board/move").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("dealId", id).param("target", MEETING)).hasStatus(403).bodyText()
                .contains("id=\"board-refusal\"").contains("You may see this record but not change it.");
        assertThat(api.get(outsider, "/api/v1/deals/" + id)).hasStatus(404);
    }

    @Test
    void theDealPageNamesOnlyTheContactsTheReaderMaySeeInTheDealsOrder() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String hidden = createContact(owner, "Gizli", "Kişi" + suffix, false);
        String shared = createContact(owner, "Açık", "Kişi" + suffix, true);
        String id = api.createDeal(owner,
                "{\"title\": \"Two contacts\", \"contactIds\": [\"" + hidden + "\", \"" + shared + "\"]}");

        String ownersPage = dealPage(owner, id);
        assertThat(ownersPage).contains("Gizli Kişi" + suffix, "Açık Kişi" + suffix);
        assertThat(ownersPage.indexOf("Gizli Kişi" + suffix)).isLessThan(ownersPage.indexOf("Açık Kişi" + suffix));
        assertThat(dealPage(teammate, id)).contains("Açık Kişi" + suffix, "/contacts/" + shared)
                .doesNotContain("Gizli Kişi" + suffix).doesNotContain("/contacts/" + hidden);
    }

    @Test
    void aRepLinksOnlyContactsTheyMaySee() throws Exception {
        String own = createContact(owner, "Kendi", "Kişi", false);
        String teammates = createContact(teammate, "Takım", "Kişi", true);
        String hidden = createContact(outsider, "Başka", "Kişi", true);
        assertThat(api.post(owner, "/api/v1/deals", "{\"title\": \"X\", \"contactIds\": [\"" + own + "\", \""
                + teammates + "\", \"" + hidden + "\"]}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("contactIds");
        String id = api.createDeal(owner,
                "{\"title\": \"Linked\", \"contactIds\": [\"" + own + "\", \"" + teammates + "\"]}");
        assertThat(api.get(owner, "/api/v1/deals/" + id)).hasStatusOk().bodyJson().extractingPath("$.contactIds")
                .asArray().containsExactly(own, teammates);
    }

    private String createContact(TestUsers.TestUser user, String first, String last, boolean visibleToTeam)
            throws Exception {
        MvcTestResult result = api.post(user, "/api/v1/contacts", "{\"firstName\": \"" + first
                + "\", \"lastName\": \"" + last + "\", \"visibleToTeam\": " + visibleToTeam + "}");
        assertThat(result).hasStatus(201);
        return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
    }

    private String dealPage(TestUsers.TestUser user, String id) throws Exception {
        Cookie session = SignedInBrowserSession.signIn(mvc, user.email(), TestUsers.PASSWORD);
        MvcTestResult page = mvc.get().uri("/deals/" + id).cookie(session).exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aTeammateDoesNotSeeAPrivateDeal() {
        String id = api.createDeal(owner, "{\"title\": \"Only mine\", \"visibleToTeam\": false}");
        assertThat(api.get(teammate, "/api/v1/deals/" + id)).hasStatus(404);
    }

    @Test
    void aRepCannotLinkACompanyTheyCannotSee() {
        String company = api.createCompany(outsider, "Hidden Co " + UUID.randomUUID());
        api.patch(outsider, "/api/v1/companies/" + company, "{\"visibleToTeam\": false}");
        assertThat(api.post(owner, "/api/v1/deals", "{\"title\": \"X\", \"companyId\": \"" + company + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyId");
    }

    @Test
    void aRepMayNotGiveADealToSomeoneElse() {
        assertThat(api.post(owner, "/api/v1/deals", "{\"title\": \"X\", \"ownerId\": \"" + teammate.id() + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ownerId");
    }

    /**
     * The global search's short pages, most recently updated first, walk the visible owners' deals one owner at a
     * time (DealQueries.list, V0084): paged two at a time, a teammate gets their own deals and the owner's
     * team-visible ones, in update order, each once, and nothing private or of another team.
     */
    @Test
    void aTeammatePagesThroughSearchedDealsMostRecentlyUpdatedFirstSeeingOnlyWhatTheyMay() throws Exception {
        String word = "Zeytinlik" + UUID.randomUUID().toString().substring(0, 8);
        // Runs of the teammate's own deals between the owner's, so that a walk missing either side's range
        // would return a full page with a deal skipped.
        List<String> visible = new ArrayList<>();
        visible.add(api.createDeal(owner, "{\"title\": \"" + word + " 1\"}"));
        api.createDeal(owner, "{\"title\": \"" + word + " private\", \"visibleToTeam\": false}");
        visible.add(api.createDeal(teammate, "{\"title\": \"" + word + " 2\", \"visibleToTeam\": false}"));
        api.createDeal(outsider, "{\"title\": \"" + word + " other team\"}");
        visible.add(api.createDeal(teammate, "{\"title\": \"" + word + " 3\"}"));
        visible.add(api.createDeal(owner, "{\"title\": \"" + word + " 4\"}"));
        visible.add(api.createDeal(owner, "{\"title\": \"" + word + " 5\"}"));
        visible.add(api.createDeal(owner, "{\"title\": \"" + word + " 6\"}"));
        for (int i = 7; i <= 9; i++) {
            visible.add(api.createDeal(teammate, "{\"title\": \"" + word + " " + i + "\"}"));
        }
        visible.add(api.createDeal(owner, "{\"title\": \"" + word + " 10\"}"));
        Collections.reverse(visible);

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            MvcTestResult page = api.get(teammate,
                    "/api/v1/deals?limit=2&sort=-updatedAt&q=" + word + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page).hasStatusOk();
            String body = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
            ids.addAll(JsonPath.read(body, "$.items[*].id"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        assertThat(ids).containsExactlyElementsOf(visible);
    }
}
