package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.kervan.deals.DealFixtures.MEETING;
import static io.kervan.deals.DealFixtures.NEGOTIATION;
import static io.kervan.deals.DealFixtures.PIPELINE;
import static io.kervan.deals.DealFixtures.PROPOSAL;
import static io.kervan.deals.DealFixtures.QUALIFY;
import static io.kervan.deals.DealFixtures.REASON_PRICE;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DealApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser rep;
    DealFixtures api;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        api = new DealFixtures(mvc);
    }

    String deal(String title) {
        return api.createDeal(rep, "{\"title\": \"" + title + "\"}");
    }

    @Test
    void createsADealInTheFirstStageOfTheFirstPipelineInTry() {
        MvcTestResult result = api.post(rep, "/api/v1/deals", "{\"title\": \"Şeker tedariki\", \"value\": 1500.50}");
        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result).bodyJson().extractingPath("$.pipelineId").isEqualTo(PIPELINE);
        assertThat(result).bodyJson().extractingPath("$.stageId").isEqualTo(QUALIFY);
        assertThat(result).bodyJson().extractingPath("$.currency").isEqualTo("TRY");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("open");
        assertThat(result).bodyJson().extractingPath("$.ownerId").isEqualTo(rep.id().toString());
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Şeker tedariki");
    }

    @Test
    void refusesAMoveIntoAGatedStageListingEveryMissingField() {
        String id = deal("Gate test");
        MvcTestResult result = api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + NEGOTIATION + "\"}");
        assertThat(result).hasStatus(422).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("value", "expectedCloseDate", "companyId");
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.stageId").isEqualTo(QUALIFY);
    }

    @Test
    void movesIntoTheGatedStageOnceTheFieldsAreFilled() {
        String id = deal("Gate passes");
        assertThat(api.patch(rep, "/api/v1/deals/" + id, "{\"value\": 1000, \"expectedCloseDate\": \"2027-03-31\"}"))
                .hasStatusOk();
        MvcTestResult result = api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + PROPOSAL + "\"}");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.stageId").isEqualTo(PROPOSAL);
    }

    @Test
    void refusesAStageOfAnotherPipelineOrNoStageAtAll() {
        String id = deal("Wrong stage");
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/stage", "{}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"not-a-uuid\"}")).hasStatus(400);
    }

    @Test
    void refusesCreatingADealDirectlyInAGatedStage() {
        MvcTestResult result = api.post(rep, "/api/v1/deals",
                "{\"title\": \"Straight in\", \"stageId\": \"" + PROPOSAL + "\", \"value\": 10}");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("expectedCloseDate");
    }

    @Test
    void refusesToWinADealWithoutAValue() {
        String id = deal("No value");
        MvcTestResult result = api.post(rep, "/api/v1/deals/" + id + "/won", "{}");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("value");
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/won", "{\"value\": 0}")).hasStatus(422);
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.status").isEqualTo("open");
    }

    @Test
    void winsADealWithTheValueGivenInTheRequest() {
        String id = deal("Won with value");
        MvcTestResult result = api.post(rep, "/api/v1/deals/" + id + "/won", "{\"value\": 25000}");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("won");
        assertThat(result).bodyJson().extractingPath("$.value").isEqualTo(25000.0);
        assertThat(result).bodyJson().extractingPath("$.closedAt").isNotNull();
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/lost", "{\"reasonId\": \"" + REASON_PRICE + "\"}"))
                .hasStatus(422);
    }

    @Test
    void refusesToLoseADealWithoutAReason() {
        String id = deal("No reason");
        MvcTestResult result = api.post(rep, "/api/v1/deals/" + id + "/lost", "{\"note\": \"just because\"}");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reasonId");
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/lost", "{\"reasonId\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(400);
    }

    @Test
    void losesADealWithAReasonAndReopensIt() {
        String id = deal("Lost then reopened");
        MvcTestResult lost = api.post(rep, "/api/v1/deals/" + id + "/lost",
                "{\"reasonId\": \"" + REASON_PRICE + "\", \"note\": \"Too expensive\"}");
        assertThat(lost).hasStatusOk();
        assertThat(lost).bodyJson().extractingPath("$.status").isEqualTo("lost");
        assertThat(lost).bodyJson().extractingPath("$.lostReasonId").isEqualTo(REASON_PRICE);
        assertThat(lost).bodyJson().extractingPath("$.lostNote").isEqualTo("Too expensive");
        MvcTestResult reopened = api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + MEETING + "\"}");
        assertThat(reopened).hasStatusOk();
        assertThat(reopened).bodyJson().extractingPath("$.status").isEqualTo("open");
        assertThat(reopened).bodyJson().extractingPath("$.stageId").isEqualTo(MEETING);
        assertThat(reopened).bodyJson().extractingPath("$.lostReasonId").isNull();
        assertThat(api.get(rep, "/api/v1/deals/" + id + "/stage-history")).bodyJson()
                .extractingPath("$.items[*].toStatus").asArray().containsExactly("open", "lost", "open");
    }

    @Test
    void patchMayNotChangeStageOrStatus() {
        String id = deal("Patch limits");
        assertThat(api.patch(rep, "/api/v1/deals/" + id, "{\"stageId\": \"" + MEETING + "\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("stageId");
        assertThat(api.patch(rep, "/api/v1/deals/" + id, "{\"status\": \"won\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void refusesBadInputWithFieldErrors() {
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"value\": -1}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("value");
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"currency\": \"XYZ\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"color\": \"red\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"expectedCloseDate\": \"soon\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\\u0000\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"" + "x".repeat(201) + "\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"value\": 1e30}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"companyId\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyId");
        assertThat(api.post(rep, "/api/v1/deals", "{\"title\": \"X\", \"pipelineId\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(400);
        assertThat(api.get(rep, "/api/v1/deals?status=maybe")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/deals?limit=500")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/deals?sort=colour")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/deals?cursor=%%%")).hasStatus(400);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String id = deal("Versioned");
        assertThat(mvc.patch().uri("/api/v1/deals/" + id).header("Authorization", rep.bearer())
                .header("If-Match", "\"7\"").contentType("application/merge-patch+json")
                .content("{\"title\": \"New\"}")).hasStatus(412);
        assertThat(mvc.post().uri("/api/v1/deals/" + id + "/won").header("Authorization", rep.bearer())
                .header("If-Match", "\"7\"").contentType("application/json")
                .content("{\"value\": 5}")).hasStatus(412);
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstDealOnRetry() {
        String key = "deal-" + UUID.randomUUID();
        MvcTestResult first = mvc.post().uri("/api/v1/deals").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType("application/json").content("{\"title\": \"Once\"}")
                .exchange();
        MvcTestResult second = mvc.post().uri("/api/v1/deals").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType("application/json").content("{\"title\": \"Once\"}")
                .exchange();
        assertThat(first).hasStatus(201);
        assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
    }

    @Test
    void listsDealsFilteredByStageAndStatusAndArchivesWithDelete() {
        String title = "Filter " + UUID.randomUUID();
        String id = deal(title);
        api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + MEETING + "\"}");
        assertThat(api.get(rep, "/api/v1/deals?stageId=" + MEETING + "&ownerId=" + rep.id())).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].title").asArray().contains(title);
        assertThat(api.get(rep, "/api/v1/deals?status=won&ownerId=" + rep.id())).bodyJson()
                .extractingPath("$.items[*].title").asArray().doesNotContain(title);
        assertThat(mvc.delete().uri("/api/v1/deals/" + id).header("Authorization", rep.bearer())).hasStatus(204);
        assertThat(api.get(rep, "/api/v1/deals?ownerId=" + rep.id())).bodyJson()
                .extractingPath("$.items[*].title").asArray().doesNotContain(title);
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.archived").isEqualTo(true);
    }

    @Test
    void linksAVisibleCompanyAndRequiresItForNegotiation() {
        String company = api.createCompany(rep, "Deal Co " + UUID.randomUUID());
        String id = api.createDeal(rep, """
                {"title": "Full deal", "value": 100, "expectedCloseDate": "2027-01-15", "companyId": "%s"}"""
                .formatted(company));
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + NEGOTIATION + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.companyId").isEqualTo(company);
    }

    @Test
    void pagesThroughDealsWithAKeysetCursorSortedByValue() throws Exception {
        api.createDeal(rep, "{\"title\": \"Small\", \"value\": 5}");
        api.createDeal(rep, "{\"title\": \"Large\", \"value\": 5000}");
        api.createDeal(rep, "{\"title\": \"Medium\", \"value\": 300}");
        MvcTestResult first = api.get(rep, "/api/v1/deals?ownerId=" + rep.id() + "&sort=-value&limit=2");
        assertThat(first).bodyJson().extractingPath("$.items[*].title").asArray().containsExactly("Large", "Medium");
        String cursor = new tools.jackson.databind.ObjectMapper().readTree(first.getResponse().getContentAsString())
                .get("nextCursor").asString();
        MvcTestResult second = api.get(rep, "/api/v1/deals?ownerId=" + rep.id() + "&sort=-value&limit=2&cursor=" + cursor);
        assertThat(second).bodyJson().extractingPath("$.items[*].title").asArray().containsExactly("Small");
        assertThat(second).bodyJson().extractingPath("$.nextCursor").isNull();
    }

    @Test
    void pagesThroughDealsByValueAndByCloseDateAsNumbersAndDates() throws Exception {
        String small = api.createDeal(rep, "{\"title\": \"Small\", \"value\": 9.5, \"expectedCloseDate\": \"2027-01-15\"}");
        String large = api.createDeal(rep, "{\"title\": \"Large\", \"value\": 100000, \"expectedCloseDate\": \"2026-12-01\"}");
        String middle = api.createDeal(rep, "{\"title\": \"Middle\", \"value\": 10, \"expectedCloseDate\": \"2027-06-30\"}");
        String none = api.createDeal(rep, "{\"title\": \"No value\"}");

        assertThat(walk("-value")).containsExactly(large, middle, small, none);
        assertThat(walk("value")).containsExactly(none, small, middle, large);
        // Deals without an expected close date come last.
        assertThat(walk("expectedCloseDate")).containsExactly(large, small, middle, none);
    }

    /** A searched page finds its ids first (DealQueries.SEARCH_PAGE); paging and every sort work as without. */
    @Test
    void pagesThroughSearchedDealsInEachSort() throws Exception {
        String word = "Kervansaray" + UUID.randomUUID().toString().substring(0, 8);
        String small = api.createDeal(rep, "{\"title\": \"Ç " + word + " small\", \"value\": 9.5}");
        String large = api.createDeal(rep, "{\"title\": \"A " + word + " large\", \"value\": 100000}");
        String middle = api.createDeal(rep, "{\"title\": \"B " + word.toUpperCase(java.util.Locale.ROOT)
                + " middle\", \"value\": 10}");
        api.createDeal(rep, "{\"title\": \"A different deal\", \"value\": 50}");

        String searched = "&q=" + word.toLowerCase(java.util.Locale.ROOT);
        assertThat(walk("-value", searched)).containsExactly(large, middle, small);
        assertThat(walk("value", searched)).containsExactly(small, middle, large);
        assertThat(walk("title", searched)).containsExactly(large, middle, small);
        assertThat(walk("-updatedAt", searched)).containsExactly(middle, large, small);
        // An admin's short pages in update order walk the update index (not an owner's range) first.
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        assertThat(walk(admin, "", "-updatedAt", searched)).containsExactly(middle, large, small);
    }

    private java.util.List<String> walk(String sort) throws java.io.UnsupportedEncodingException {
        return walk(sort, "");
    }

    /** Every page of the rep's deals in {@code sort} order, two at a time through the cursors. */
    private java.util.List<String> walk(String sort, String more) throws java.io.UnsupportedEncodingException {
        return walk(rep, "&ownerId=" + rep.id(), sort, more);
    }

    /** Every page of the deals {@code user} sees in {@code sort} order, two at a time through the cursors. */
    private java.util.List<String> walk(TestUsers.TestUser user, String owner, String sort, String more)
            throws java.io.UnsupportedEncodingException {
        java.util.List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            MvcTestResult page = api.get(user, "/api/v1/deals?limit=2" + owner + "&sort=" + sort + more
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page).hasStatusOk();
            String body = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            ids.addAll(com.jayway.jsonpath.JsonPath.read(body, "$.items[*].id"));
            cursor = com.jayway.jsonpath.JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        return ids;
    }
}
