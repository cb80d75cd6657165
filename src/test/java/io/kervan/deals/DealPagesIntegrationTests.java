package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.kervan.deals.DealFixtures.MEETING;
import static io.kervan.deals.DealFixtures.PIPELINE;
import static io.kervan.deals.DealFixtures.PROPOSAL;
import static io.kervan.deals.DealFixtures.QUALIFY;
import static io.kervan.deals.DealFixtures.REASON_PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The deal pages as a signed-in sales rep uses them: form with the stage gate, board, list, detail. */
@IntegrationTest
class DealPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser rep;
    Cookie session;
    DealFixtures api;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        api = new DealFixtures(mvc);
    }

    MvcTestResult postForm(String uri, String... params) {
        var request = mvc.post().uri(uri).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void theFormRefusesAGatedStageAndNamesTheMissingFieldsInline() {
        String id = api.createDeal(rep, "{\"title\": \"Form gate\"}");
        MvcTestResult refused = postForm("/deals/" + id, "title", "Form gate", "stageId", PROPOSAL,
                "pipelineId", PIPELINE, "ownerId", rep.id().toString(), "visibleToTeam", "true", "currency", "TRY");
        assertThat(refused).hasStatusOk().bodyText()
                .contains("id=\"gate-refused\"")
                .contains("Requires: Value, Expected close date")
                .contains("Required to enter this stage.");
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.stageId").isEqualTo(QUALIFY);

        MvcTestResult saved = postForm("/deals/" + id, "title", "Form gate", "stageId", PROPOSAL,
                "pipelineId", PIPELINE, "ownerId", rep.id().toString(), "visibleToTeam", "true", "currency", "TRY",
                "value", "12500,50", "expectedCloseDate", "2027-02-28");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.stageId").isEqualTo(PROPOSAL);
        assertThat(api.get(rep, "/api/v1/deals/" + id + "/stage-history")).bodyJson()
                .extractingPath("$.items[1].toStageId").isEqualTo(PROPOSAL);
        // The audit history (written after commit) names the stages, not their ids.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mvc.get().uri("/deals/" + id).cookie(session)).hasStatusOk().bodyText()
                        .contains("<del class=\"text-secondary\">Qualify</del>"));
    }

    @Test
    void theFormCreatesADealAndShowsShapeErrorsInline() {
        MvcTestResult invalid = postForm("/deals", "title", "", "value", "lots", "expectedCloseDate", "someday",
                "stageId", QUALIFY);
        assertThat(invalid).hasStatusOk().bodyText().contains("This is not a valid number.")
                .contains("This date is out of range.");
        MvcTestResult created = postForm("/deals", "title", "Formdan fırsat", "stageId", MEETING, "value", "100",
                "currency", "USD", "visibleToTeam", "true");
        assertThat(created).hasStatus3xxRedirection();
        String detail = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(detail).cookie(session)).hasStatusOk().bodyText()
                .contains("Formdan fırsat").contains("id=\"timeline\"").contains("id=\"stage-history\"")
                .contains("id=\"change-history\"").contains("100.00 USD").contains("Meeting");
    }

    @Test
    void theBoardShowsColumnsWithTotalsAndConvertsOnlyTry() {
        String title = "Board " + UUID.randomUUID();
        api.createDeal(rep, "{\"title\": \"" + title + "\", \"value\": 1000}");
        api.createDeal(rep, "{\"title\": \"Dollar " + title + "\", \"value\": 50, \"currency\": \"USD\"}");
        MvcTestResult board = mvc.get().uri("/deals/board?ownerId=" + rep.id()).cookie(session).exchange();
        assertThat(board).hasStatusOk().bodyText()
                .contains("id=\"column-" + QUALIFY + "\"").contains("id=\"column-won\"").contains("id=\"column-lost\"")
                .contains(title).contains("2 deals").contains("1,000.00 TRY").contains("100.00 TRY")
                .contains("Not converted to TRY: 50.00 USD")
                .contains("Requires: Value, Expected close date")
                .contains("Sortable.min.js").contains("/js/deals.js");
    }

    /** The board is read in one transaction with its filters' pipelines; a named pipeline may be archived. */
    @Test
    void theBoardOpensTheFirstANamedOrAnArchivedPipelineAndAnswers404ForAnUnknownOne() {
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        String name = "Board pipeline " + UUID.randomUUID();
        String pipeline = api.post(admin, "/api/v1/pipelines", """
                {"name": "%s", "stages": [{"name": "Yerinde ziyaret", "probability": 30}]}""".formatted(name))
                .getResponse().getHeader("Location").replaceAll(".*/", "");
        String title = "On the new pipeline " + UUID.randomUUID();
        api.createDeal(rep, "{\"title\": \"" + title + "\", \"pipelineId\": \"" + pipeline + "\"}");

        assertThat(mvc.get().uri("/deals/board").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"column-" + QUALIFY + "\"").doesNotContain(title);
        assertThat(mvc.get().uri("/deals/board?pipelineId=" + pipeline).cookie(session)).hasStatusOk().bodyText()
                .contains("Yerinde ziyaret").contains(title).contains(name);

        assertThat(api.post(admin, "/api/v1/pipelines/" + pipeline + "/archive", "{}")).hasStatusOk();
        assertThat(mvc.get().uri("/deals/board?pipelineId=" + pipeline).cookie(session)).hasStatusOk().bodyText()
                .contains("Yerinde ziyaret").contains(title);
        assertThat(mvc.get().uri("/deals/board?pipelineId=" + UUID.randomUUID()).cookie(session)).hasStatus(404);
    }

    @Test
    void aBoardMoveIntoAGatedColumnIsRefusedWith422NamingTheMissingFields() {
        String id = api.createDeal(rep, "{\"title\": \"Dragged\"}");
        MvcTestResult refused = postForm("/deals/board/move", "dealId", id, "target", PROPOSAL, "from", QUALIFY,
                "pipelineId", PIPELINE);
        assertThat(refused).hasStatus(422).bodyText().contains("Cannot move “Dragged” to Proposal")
                .contains("fill in Value, Expected close date").contains("/deals/" + id + "/edit?stageId=" + PROPOSAL);

        MvcTestResult moved = postForm("/deals/board/move", "dealId", id, "target", MEETING, "from", QUALIFY,
                "pipelineId", PIPELINE, "ownerId", rep.id().toString());
        assertThat(moved).hasStatusOk().bodyText().contains("id=\"column-" + MEETING + "\"")
                .contains("id=\"column-" + QUALIFY + "\"").doesNotContain("id=\"column-" + PROPOSAL + "\"")
                .contains("Dragged");
    }

    @Test
    void aBoardDropOnWonOrLostNeedsAValueOrAReason() {
        String id = api.createDeal(rep, "{\"title\": \"Closing\"}");
        assertThat(postForm("/deals/board/move", "dealId", id, "target", "won", "from", QUALIFY)).hasStatus(422)
                .bodyText().contains("fill in Value");
        assertThat(postForm("/deals/board/move", "dealId", id, "target", "lost", "from", QUALIFY)).hasStatus(422);
        assertThat(postForm("/deals/board/move", "dealId", id, "target", "lost", "from", QUALIFY,
                "reasonId", REASON_PRICE, "note", "pahalı")).hasStatusOk().bodyText().contains("id=\"column-lost\"");
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.status").isEqualTo("lost");
    }

    @Test
    void theDetailPageActionsWinAndReportAMissingValue() {
        String id = api.createDeal(rep, "{\"title\": \"Detail actions\"}");
        assertThat(postForm("/deals/" + id + "/won", "value", "")).hasStatusOk().bodyText()
                .contains("id=\"action-errors\"").contains("A won deal needs a value greater than zero.");
        assertThat(postForm("/deals/" + id + "/won", "value", "300")).hasStatus3xxRedirection();
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.status").isEqualTo("won");
    }

    @Test
    void theListAndTheStaleViewRenderInEnglishAndTurkish() {
        String title = "Listed " + UUID.randomUUID();
        api.createDeal(rep, "{\"title\": \"" + title + "\"}");
        assertThat(mvc.get().uri("/deals?ownerId=" + rep.id() + "&sort=-value").cookie(session)).hasStatusOk()
                .bodyText().contains(title);
        assertThat(mvc.get().uri("/deals?stale=true").cookie(session)).hasStatusOk().bodyText().contains("Stale deals");
        assertThat(postForm("/preferences/language", "lang", "tr")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/deals/board").cookie(session)).hasStatusOk().bodyText()
                .contains("Yeni iş").contains("Nitelendirme").contains("Pazarlık").contains("Kazanıldı")
                .contains("Gerekenler: Tutar, Beklenen kapanış tarihi");
        assertThat(mvc.get().uri("/deals?stale=true").cookie(session)).hasStatusOk().bodyText()
                .contains("Bayat fırsatlar");
        assertThat(mvc.get().uri("/deals?sort=bogus&closeMonth=nope&ownerId=x&status=maybe").cookie(session))
                .hasStatusOk();
    }
}
