package io.kervan.deals;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Deal line items priced from the catalogue and price-list tiers; their total can become the deal value. */
@IntegrationTest
class DealLineItemsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    DealFixtures api;
    TestUsers.TestUser admin;
    TestUsers.TestUser rep;
    String product;
    String priceList;
    String deal;

    @BeforeEach
    void aProductOnATieredPriceListAndADeal() throws Exception {
        TestUsers users = new TestUsers(context);
        api = new DealFixtures(mvc);
        admin = users.create(Role.ADMIN, null);
        rep = users.create(Role.SALES_REP, null);
        String code = "GTX-" + UUID.randomUUID().toString().substring(0, 6);
        product = id(api.post(admin, "/api/v1/products", """
                {"code": "%s", "name": "GTX Pro", "unitPrice": 12.00, "currency": "TRY", "vatRate": 20}""".formatted(code)));
        priceList = id(api.post(admin, "/api/v1/price-lists", """
                {"name": "Bayiler %s", "currency": "TRY", "items": [{"productId": "%s", "tiers": [
                  {"minQuantity": 1, "price": 10.00}, {"minQuantity": 100, "price": 9.20}, {"minQuantity": 500, "price": 8.50}]}]}"""
                .formatted(code, product)));
        deal = api.createDeal(rep, """
                {"title": "Bayi siparişi", "pipelineId": "%s", "currency": "TRY"}""".formatted(DealFixtures.PIPELINE));
    }

    static String id(MvcTestResult created) {
        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    MvcTestResult add(TestUsers.TestUser user, String json) {
        return api.post(user, "/api/v1/deals/" + deal + "/line-items", json);
    }

    @Test
    void aLineTakesTheTierPriceForItsQuantityAndTheDiscount() {
        MvcTestResult line = add(rep, """
                {"productId": "%s", "quantity": 150, "priceListId": "%s", "discountPercent": 10}""".formatted(product, priceList));
        assertThat(line).hasStatus(201);
        assertThat(line).bodyJson().extractingPath("$.unitPrice").asNumber().satisfies(n -> assertThat(n.doubleValue()).isEqualTo(9.20));
        assertThat(line).bodyJson().extractingPath("$.total").asNumber().satisfies(n -> assertThat(n.doubleValue()).isEqualTo(1242.00));
        assertThat(line).bodyJson().extractingPath("$.productName").isEqualTo("GTX Pro");
        assertThat(line).bodyJson().extractingPath("$.vatRate").isEqualTo(20);
    }

    @Test
    void withoutAPriceListTheProductsOwnPriceApplies() {
        assertThat(add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 3}")).hasStatus(201)
                .bodyJson().extractingPath("$.total").asNumber().satisfies(n -> assertThat(n.doubleValue()).isEqualTo(36.00));
    }

    @Test
    void theLineItemTotalBecomesTheDealValueOnRequest() {
        add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 500, \"priceListId\": \"" + priceList + "\"}");
        add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 2}");
        assertThat(api.get(rep, "/api/v1/deals/" + deal + "/line-items")).bodyJson().extractingPath("$.total")
                .asNumber().satisfies(n -> assertThat(n.doubleValue()).isEqualTo(4274.00));
        MvcTestResult applied = api.post(rep, "/api/v1/deals/" + deal + "/line-items/apply-to-value", "");
        assertThat(applied).hasStatusOk().bodyJson().extractingPath("$.value").asNumber()
                .satisfies(n -> assertThat(n.doubleValue()).isEqualTo(4274.00));
    }

    @Test
    void removingALineChangesTheTotal() throws Exception {
        MvcTestResult first = add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 1}");
        add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 2}");
        String itemId = JsonPath.read(first.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        assertThat(mvc.delete().uri("/api/v1/deals/" + deal + "/line-items/" + itemId)
                .header("Authorization", rep.bearer())).hasStatus(204);
        assertThat(api.get(rep, "/api/v1/deals/" + deal + "/line-items")).bodyJson().extractingPath("$.items")
                .asArray().hasSize(1);
    }

    @Test
    void badLinesAreRefusedAndChangeNothing() {
        assertThat(add(rep, "{\"productId\": \"" + UUID.randomUUID() + "\", \"quantity\": 1}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("productId");
        assertThat(add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 0}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("quantity");
        assertThat(add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 1, \"discountPercent\": 120}"))
                .hasStatus(400);
        assertThat(add(rep, "{\"productId\": \"" + product + "\", \"quantity\": \"lots\"}")).hasStatus(400);
        assertThat(add(rep, "{\"productId\": \"" + product + "\", \"quantity\": 1, \"priceListId\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(400);
        assertThat(api.get(rep, "/api/v1/deals/" + deal + "/line-items")).bodyJson().extractingPath("$.items")
                .asArray().isEmpty();
        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/line-items/apply-to-value", "")).hasStatus(422);
    }

    @Test
    void aLineInAnotherCurrencyThanTheDealIsRefused() {
        String usd = api.createDeal(rep, """
                {"title": "Export", "pipelineId": "%s", "currency": "USD"}""".formatted(DealFixtures.PIPELINE));
        assertThat(api.post(rep, "/api/v1/deals/" + usd + "/line-items", "{\"productId\": \"" + product
                + "\", \"quantity\": 1}")).hasStatus(422);
    }

    @Test
    void onlyThoseWhoMayChangeTheDealChangeItsLines() {
        TestUsers.TestUser reader = new TestUsers(context).create(Role.READ_ONLY, null);
        TestUsers.TestUser stranger = new TestUsers(context).create(Role.SALES_REP, null);
        assertThat(add(reader, "{\"productId\": \"" + product + "\", \"quantity\": 1}")).hasStatus(403);
        assertThat(add(stranger, "{\"productId\": \"" + product + "\", \"quantity\": 1}")).hasStatus(404);
        assertThat(api.get(reader, "/api/v1/deals/" + deal + "/line-items")).hasStatusOk();
    }

    @Test
    void theDealPageCardAddsALineAndShowsFieldErrors() {
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/deals/" + deal + "/line-items").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"add-line-item\"").contains("GTX Pro");
        assertThat(mvc.post().uri("/deals/" + deal + "/line-items").cookie(session).with(csrf())
                .param("productId", product).param("quantity", "abc")).hasStatusOk().bodyText()
                .contains("This is not a valid number.");
        assertThat(mvc.post().uri("/deals/" + deal + "/line-items").cookie(session).with(csrf())
                .param("productId", product).param("quantity", "100").param("priceListId", priceList))
                .hasStatusOk().bodyText().contains("920.00 TRY").contains("id=\"apply-line-total\"");
        assertThat(mvc.post().uri("/deals/" + deal + "/line-items/apply-to-value").cookie(session).with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(api.get(rep, "/api/v1/deals/" + deal)).bodyJson().extractingPath("$.value").asNumber()
                .satisfies(n -> assertThat(n.doubleValue()).isEqualTo(920.00));
    }

    @Test
    void aStageThatRequiresAProductLineAdmitsTheDealOnceItHasOne() throws Exception {
        MvcTestResult pipeline = api.post(admin, "/api/v1/pipelines", """
                {"name": "Ürün hattı %s", "stages": [
                  {"name": "Talep", "probability": 10, "rottingDays": 30, "requiredFields": [], "requiresNextActivity": false},
                  {"name": "Teklif", "probability": 50, "rottingDays": 30, "requiredFields": ["lineItems"],
                   "requiresNextActivity": false}]}""".formatted(UUID.randomUUID()));
        assertThat(pipeline).hasStatus(201);
        String body = pipeline.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String pipelineId = JsonPath.read(body, "$.id");
        String offerStage = JsonPath.read(body, "$.stages[1].id");
        String gated = api.createDeal(rep, """
                {"title": "Kapılı", "pipelineId": "%s", "currency": "TRY"}""".formatted(pipelineId));
        MvcTestResult refused = api.post(rep, "/api/v1/deals/" + gated + "/stage", "{\"stageId\": \"" + offerStage + "\"}");
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("lineItems");
        assertThat(api.post(rep, "/api/v1/deals/" + gated + "/line-items",
                "{\"productId\": \"" + product + "\", \"quantity\": 1}")).hasStatus(201);
        assertThat(api.post(rep, "/api/v1/deals/" + gated + "/stage", "{\"stageId\": \"" + offerStage + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.stageId").isEqualTo(offerStage);
    }
}
