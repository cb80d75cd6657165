package io.kervan.products;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.shared.BusinessRuleException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PriceListApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PriceListService priceLists;

    TestUsers.TestUser admin;
    TestUsers.TestUser rep;
    String unique;
    String productId;
    String otherProductId;

    @BeforeEach
    void catalogue() {
        TestUsers users = new TestUsers(context);
        admin = users.create(Role.ADMIN, null);
        rep = users.create(Role.SALES_REP, null);
        unique = UUID.randomUUID().toString().substring(0, 8);
        productId = product("PL-A-" + unique, "11.00");
        otherProductId = product("PL-B-" + unique, "5.00");
    }

    String product(String code, String price) {
        MvcTestResult result = mvc.post().uri("/api/v1/products").header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"name\": \"" + code + "\", \"unitPrice\": " + price + "}").exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    MvcTestResult post(TestUsers.TestUser user, String json) {
        return mvc.post().uri("/api/v1/price-lists").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    String dealers() {
        MvcTestResult result = post(admin, """
                {"name": "Bayiler %s", "currency": "TRY", "validFrom": "2026-01-01", "validTo": "2026-12-31",
                 "items": [{"productId": "%s", "tiers": [{"minQuantity": 1, "price": 10.00},
                            {"minQuantity": 100, "price": 9.20}, {"minQuantity": 500, "price": 8.50}]}]}"""
                .formatted(unique, productId));
        assertThat(result).hasStatus(201);
        return result.getResponse().getHeader("Location");
    }

    MvcTestResult quote(String location, String quantity) {
        return mvc.get().uri(location + "/quote?productId=" + productId + "&quantity=" + quantity)
                .header("Authorization", rep.bearer()).exchange();
    }

    @Test
    void createsAPriceListWithItemsAndTiersInOrder() {
        String location = dealers();
        assertThat(location).matches("/api/v1/price-lists/[0-9a-f-]{36}");
        MvcTestResult list = mvc.get().uri(location).header("Authorization", rep.bearer()).exchange();
        assertThat(list).hasStatusOk().hasHeader("ETag", "\"0\"");
        assertThat(list).bodyJson().extractingPath("$.items[0].productCode").isEqualTo("PL-A-" + unique);
        assertThat(list).bodyJson().extractingPath("$.items[0].tiers[*].minQuantity").asArray().hasSize(3);
        assertThat(list).bodyJson().extractingPath("$.items[0].tiers[1].price").isEqualTo(9.2);
        assertThat(list).bodyJson().extractingPath("$.validTo").isEqualTo("2026-12-31");
    }

    @Test
    void quotesTheTierPriceAtEveryBoundary() {
        String location = dealers();
        assertThat(quote(location, "1")).bodyJson().extractingPath("$.unitPrice").isEqualTo(10.0);
        MvcTestResult at99 = quote(location, "99");
        assertThat(at99).hasStatusOk().bodyJson().extractingPath("$.unitPrice").isEqualTo(10.0);
        assertThat(at99).bodyJson().extractingPath("$.total").isEqualTo(990.0);
        assertThat(at99).bodyJson().extractingPath("$.minQuantity").isEqualTo(1.0);
        assertThat(at99).bodyJson().extractingPath("$.currency").isEqualTo("TRY");
        MvcTestResult at100 = quote(location, "100");
        assertThat(at100).bodyJson().extractingPath("$.unitPrice").isEqualTo(9.2);
        assertThat(at100).bodyJson().extractingPath("$.minQuantity").isEqualTo(100.0);
        assertThat(at100).bodyJson().extractingPath("$.total").isEqualTo(920.0);
        assertThat(quote(location, "499")).bodyJson().extractingPath("$.unitPrice").isEqualTo(9.2);
        assertThat(quote(location, "499.99")).bodyJson().extractingPath("$.unitPrice").isEqualTo(9.2);
        MvcTestResult at500 = quote(location, "500");
        assertThat(at500).bodyJson().extractingPath("$.unitPrice").isEqualTo(8.5);
        assertThat(at500).bodyJson().extractingPath("$.total").isEqualTo(4250.0);
    }

    @Test
    void aQuantityBelowTheLowestTierIsRefusedWith422() {
        String location = dealers();
        MvcTestResult below = quote(location, "0.5");
        assertThat(below).hasStatus(422).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(below).bodyJson().extractingPath("$.errors[0].field").isEqualTo("quantity");
        UUID listId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThatThrownBy(() -> priceLists.quote(listId, UUID.fromString(productId), new BigDecimal("0.999")))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(quote(location, "0")).hasStatus(400);
        assertThat(quote(location, "lots")).hasStatus(400);
        assertThat(mvc.get().uri(location + "/quote?productId=" + otherProductId + "&quantity=5")
                .header("Authorization", rep.bearer())).hasStatus(422);
    }

    @Test
    void aMinimumOrderQuantityAboveOneIsHonoured() {
        MvcTestResult created = post(admin, """
                {"name": "Toptan %s", "items": [{"productId": "%s", "tiers": [{"minQuantity": 50, "price": 3},
                 {"minQuantity": 200, "price": 2.5}]}]}""".formatted(unique, productId));
        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        assertThat(quote(location, "49")).hasStatus(422);
        assertThat(quote(location, "50")).bodyJson().extractingPath("$.unitPrice").isEqualTo(3.0);
    }

    @Test
    void withoutAPriceListTheProductsOwnPriceApplies() {
        PriceQuote quote = priceLists.quote(null, UUID.fromString(productId), new BigDecimal("3"));
        assertThat(quote.unitPrice()).isEqualByComparingTo("11.00");
        assertThat(quote.total()).isEqualByComparingTo("33.00");
        assertThat(quote.currency()).isEqualTo("TRY");
        assertThat(quote.priceListId()).isNull();
    }

    @Test
    void rejectsInvalidPriceListsWithFieldErrorsAndStoresNothing() {
        String name = "Hatalı " + unique;
        MvcTestResult result = post(admin, """
                {"name": "%s", "currency": "TL", "items": [
                  {"productId": "%s", "tiers": [{"minQuantity": 10, "price": 1}, {"minQuantity": 5, "price": -2}]},
                  {"productId": "%s", "tiers": [{"minQuantity": 1, "price": 1}]},
                  {"productId": "%s", "tiers": []}]}""".formatted(name, productId, productId, otherProductId));
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder(
                "currency", "items[0].tiers[1].minQuantity", "items[0].tiers[1].price", "items[1].productId",
                "items[2].tiers");
        assertThat(jdbc.sql("select count(*) from price_lists where name = :n").param("n", name).query(Long.class)
                .single()).isZero();
        MvcTestResult unknownProduct = post(admin, """
                {"name": "%s", "items": [{"productId": "%s", "tiers": [{"minQuantity": 1, "price": 1}]}]}"""
                .formatted(name, UUID.randomUUID()));
        assertThat(unknownProduct).hasStatus(400);
        assertThat(unknownProduct).bodyJson().extractingPath("$.errors[0].field").isEqualTo("items[0].productId");
        assertThat(post(admin, "{\"name\": \"X\", \"items\": [{\"productId\": \"nope\"}]}")).hasStatus(400);
        assertThat(post(admin, "{\"name\": \"X\", \"validFrom\": \"2026-13-45\"}")).hasStatus(400);
        assertThat(post(admin, "{\"name\": \"X\", \"discount\": 5}")).hasStatus(400);
    }

    @Test
    void theNameIsUniqueIgnoringCase() {
        dealers();
        MvcTestResult duplicate = post(admin, "{\"name\": \"BAYILER " + unique + "\"}");
        assertThat(duplicate).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void patchReplacesTheItemsAsAWholeAndAStaleIfMatchIsRefused() {
        String location = dealers();
        MvcTestResult patched = mvc.patch().uri(location).header("Authorization", admin.bearer()).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").content("""
                        {"items": [{"productId": "%s", "tiers": [{"minQuantity": 1, "price": 4.75}]}]}"""
                        .formatted(otherProductId)).exchange();
        assertThat(patched).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat(patched).bodyJson().extractingPath("$.items[*].productId").asArray().containsExactly(otherProductId);
        assertThat(patched).bodyJson().extractingPath("$.name").isEqualTo("Bayiler " + unique);
        assertThat(mvc.patch().uri(location).header("Authorization", admin.bearer()).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").content("{\"name\": \"Yeni\"}")).hasStatus(412);
        assertThat(mvc.patch().uri(location).header("Authorization", admin.bearer())
                .contentType("application/merge-patch+json").content("{\"currency\": \"EUR\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.items").asArray().hasSize(1);
    }

    @Test
    void deleteDeactivatesAndAnInactiveListQuotesNothing() {
        String location = dealers();
        assertThat(mvc.delete().uri(location).header("Authorization", admin.bearer())).hasStatus(204);
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer())).bodyJson()
                .extractingPath("$.active").isEqualTo(false);
        assertThat(quote(location, "10")).hasStatus(422);
    }

    @Test
    void aSalesRepReadsPriceListsButCannotChangeThem() {
        String location = dealers();
        assertThat(post(rep, "{\"name\": \"Rep list " + unique + "\"}")).hasStatus(403);
        assertThat(mvc.patch().uri(location).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}")).hasStatus(403);
        assertThat(mvc.delete().uri(location).header("Authorization", rep.bearer())).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/price-lists?limit=200").header("Authorization", rep.bearer())).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].name").asArray().contains("Bayiler " + unique);
    }

    @Test
    void hostileNumbersAndShapesAreRefusedNeverA500() {
        String location = dealers();
        for (String quantity : new String[] {"1e999999999", "1e-999999999", "NaN", "-5", "9".repeat(60)}) {
            assertThat(quote(location, quantity).getResponse().getStatus()).as(quantity).isEqualTo(400);
        }
        assertThat(mvc.get().uri(location + "/quote?productId=nope&quantity=1").header("Authorization", rep.bearer()))
                .hasStatus(400);
        assertThat(mvc.get().uri(location + "/quote?quantity=1").header("Authorization", rep.bearer())).hasStatus(400);
        for (String body : new String[] {
                "{\"name\": \"H\", \"items\": [null]}",
                "{\"name\": \"H\", \"items\": [{\"productId\": \"" + productId + "\", \"tiers\": [null]}]}",
                "{\"name\": \"H\", \"items\": [{\"productId\": \"" + productId
                        + "\", \"tiers\": [{\"minQuantity\": 1e999999999, \"price\": 1e-999999999}]}]}",
                "{\"name\": \"H\", \"validFrom\": \"+99999-01-01\"}",
                "{\"name\": \"H\", \"items\": \"all\"}",
                "[]"}) {
            assertThat(post(admin, body).getResponse().getStatus()).as(body).isEqualTo(400);
        }
        assertThat(mvc.get().uri("/api/v1/exchange-rates/conversion?amount=1e999999999&from=USD&to=EUR&date=2041-01-01")
                .header("Authorization", rep.bearer())).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/exchange-rates/conversion?amount=1&from=USD&to=EUR&date=yesterday")
                .header("Authorization", rep.bearer())).hasStatus(400);
    }
}
