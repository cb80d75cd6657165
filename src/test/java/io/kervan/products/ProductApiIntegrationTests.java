package io.kervan.products;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
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
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ProductApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    TestUsers.TestUser manager;
    TestUsers.TestUser rep;
    String unique;

    @BeforeEach
    void users() {
        TestUsers users = new TestUsers(context);
        manager = users.create(Role.MANAGER, null);
        rep = users.create(Role.SALES_REP, null);
        unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    MvcTestResult post(TestUsers.TestUser user, String json) {
        return mvc.post().uri("/api/v1/products").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    String create(String code, String name, String extra) {
        MvcTestResult result = post(manager, "{\"code\": \"" + code + "\", \"name\": \"" + name
                + "\", \"unitPrice\": 10.5" + extra + "}");
        assertThat(result).hasStatus(201);
        return result.getResponse().getHeader("Location");
    }

    long countCode(String code) {
        return jdbc.sql("select count(*) from products where code = :code").param("code", code).query(Long.class).single();
    }

    @Test
    void aManagerCreatesAProductWithDefaultsLocationAndETag() {
        MvcTestResult result = post(manager, """
                {"code": "GTX-%s", "name": "GTX Pro Çanta", "unit": "adet", "unitPrice": 1250.50,
                 "aliases": ["GTXPro", "GTX-P"]}""".formatted(unique));
        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result.getResponse().getHeader("Location")).matches("/api/v1/products/[0-9a-f-]{36}");
        assertThat(result).bodyJson().extractingPath("$.currency").isEqualTo("TRY");
        assertThat(result).bodyJson().extractingPath("$.vatRate").isEqualTo(20);
        assertThat(result).bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.unitPrice").isEqualTo(1250.5);
        assertThat(result).bodyJson().extractingPath("$.aliases").asArray().containsExactly("GTXPro", "GTX-P");
    }

    @Test
    void aSalesRepCannotCreateChangeOrDeactivateProductsButCanReadThem() {
        String location = create("READ-" + unique, "Okunur Ürün " + unique, "");
        MvcTestResult refused = post(rep, "{\"code\": \"REP-" + unique + "\", \"name\": \"X\", \"unitPrice\": 1}");
        assertThat(refused).hasStatus(403).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(countCode("REP-" + unique)).isZero();
        assertThat(mvc.patch().uri(location).header("Authorization", rep.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitPrice\": 1}")).hasStatus(403);
        assertThat(mvc.delete().uri(location).header("Authorization", rep.bearer())).hasStatus(403);
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer())).hasStatusOk()
                .bodyJson().extractingPath("$.unitPrice").isEqualTo(10.5);
        assertThat(mvc.get().uri("/api/v1/products?q=READ-" + unique).header("Authorization", rep.bearer()))
                .hasStatusOk().bodyJson().extractingPath("$.items[*].code").asArray().containsExactly("READ-" + unique);
    }

    @Test
    void rejectsInvalidFieldsWithFieldErrorsAndStoresNothing() {
        String code = "BAD-" + unique;
        MvcTestResult result = post(manager, """
                {"code": "%s", "name": "", "unitPrice": -1, "vatRate": 18, "currency": "lira",
                 "unit": "%s"}""".formatted(code, "u".repeat(21)));
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("name", "unitPrice", "vatRate", "currency", "unit");
        assertThat(countCode(code)).isZero();
        assertThat(post(manager, "{\"code\": \"" + "c".repeat(51) + "\", \"name\": \"N\", \"unitPrice\": 1}"))
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
        assertThat(post(manager, "{\"code\": \"C\", \"name\": \"N\"}"))
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitPrice");
        assertThat(post(manager, "{\"code\": \"C\", \"name\": \"N\", \"unitPrice\": 1.00001}"))
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitPrice");
        assertThat(post(manager, "{\"code\": \"C\\u0000\", \"name\": \"N\", \"unitPrice\": 1}"))
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
    }

    @Test
    void rejectsUnknownFieldsWrongTypesAndMalformedJson() {
        MvcTestResult unknown = post(manager, "{\"code\": \"U\", \"name\": \"N\", \"unitPrice\": 1, \"colour\": \"red\"}");
        assertThat(unknown).hasStatus(400);
        assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
        MvcTestResult wrongType = post(manager, "{\"code\": \"U\", \"name\": \"N\", \"unitPrice\": \"cheap\"}");
        assertThat(wrongType).hasStatus(400);
        assertThat(wrongType).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitPrice");
        assertThat(post(manager, "{\"code\": ")).hasStatus(400);
        assertThat(post(manager, "{\"code\": \"U\", \"name\": \"N\", \"unitPrice\": 1, \"vatRate\": \"twenty\"}"))
                .hasStatus(400);
    }

    @Test
    void theCodeIsUniqueIgnoringCase() {
        create("Uniq-" + unique, "Birinci", "");
        MvcTestResult duplicate = post(manager, "{\"code\": \"UNIQ-" + unique + "\", \"name\": \"İkinci\", \"unitPrice\": 1}");
        assertThat(duplicate).hasStatus(400);
        assertThat(duplicate).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
    }

    @Test
    void findsProductsByAliasAndByFoldedName() {
        create("ALIAS-" + unique, "GTX Pro " + unique, ", \"aliases\": [\"Gitiksmax\"]");
        create("FOLD-" + unique, "Şişe Çalkalayıcı " + unique, "");
        assertThat(mvc.get().uri("/api/v1/products").param("q", "gitiksmax " + unique.toLowerCase())
                .header("Authorization", rep.bearer())).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("ALIAS-" + unique);
        assertThat(mvc.get().uri("/api/v1/products").param("q", "gtxpro " + unique)
                .header("Authorization", rep.bearer())).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("ALIAS-" + unique);
        assertThat(mvc.get().uri("/api/v1/products").param("q", "SISE calkalayici " + unique)
                .header("Authorization", rep.bearer())).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("FOLD-" + unique);
    }

    @Test
    void patchWithIfMatchChangesTheGivenFieldsAndAStaleOneIsRefused() {
        String location = create("PATCH-" + unique, "Yama", "");
        MvcTestResult patched = mvc.patch().uri(location).header("Authorization", manager.bearer()).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").content("{\"unitPrice\": 12, \"vatRate\": 10}").exchange();
        assertThat(patched).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat(patched).bodyJson().extractingPath("$.vatRate").isEqualTo(10);
        assertThat(patched).bodyJson().extractingPath("$.name").isEqualTo("Yama");
        assertThat(mvc.patch().uri(location).header("Authorization", manager.bearer()).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").content("{\"unitPrice\": 13}")).hasStatus(412);
        assertThat(mvc.patch().uri(location).header("Authorization", manager.bearer())
                .contentType("application/merge-patch+json").content("{\"vatRate\": 8}")).hasStatus(400);
        assertThat(mvc.get().uri(location).header("Authorization", manager.bearer())).bodyJson()
                .extractingPath("$.unitPrice").isEqualTo(12.0);
    }

    @Test
    void deleteDeactivatesAndTheActiveFilterLeavesItOut() {
        String location = create("DEACT-" + unique, "Pasif Olacak", "");
        assertThat(mvc.delete().uri(location).header("Authorization", manager.bearer())).hasStatus(204);
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer())).bodyJson()
                .extractingPath("$.active").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/products?active=true&q=DEACT-" + unique).header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/products?active=false&q=DEACT-" + unique).header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items").asArray().hasSize(1);
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select action from audit_events where record_type = 'product' and record_id = :id order by occurred_at""")
                .param("id", id).query(String.class).list()).containsExactly("CREATED", "UPDATED"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneProduct() {
        String key = UUID.randomUUID().toString();
        String body = "{\"code\": \"IDEM-" + unique + "\", \"name\": \"Tekrar\", \"unitPrice\": 3}";
        MvcTestResult first = mvc.post().uri("/api/v1/products").header("Authorization", manager.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        MvcTestResult second = mvc.post().uri("/api/v1/products").header("Authorization", manager.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201);
        assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(countCode("IDEM-" + unique)).isOne();
    }

    @Test
    void listsWithCursorPagingSortedByCodeAndRefusesBadParameters() throws Exception {
        for (String suffix : new String[] {"C", "A", "D", "B"}) {
            create("PG" + unique + "-" + suffix, "Sayfa " + suffix, "");
        }
        MvcTestResult first = mvc.get().uri("/api/v1/products?limit=3&sort=code&q=PG" + unique)
                .header("Authorization", rep.bearer()).exchange();
        assertThat(first).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("PG" + unique + "-A", "PG" + unique + "-B", "PG" + unique + "-C");
        String cursor = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.nextCursor");
        assertThat(mvc.get().uri("/api/v1/products?limit=3&sort=code&q=PG" + unique + "&cursor=" + cursor)
                .header("Authorization", rep.bearer())).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactly("PG" + unique + "-D");
        assertThat(mvc.get().uri("/api/v1/products?sort=price").header("Authorization", rep.bearer())).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/products?limit=0").header("Authorization", rep.bearer())).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/products?active=maybe").header("Authorization", rep.bearer())).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/products/" + UUID.randomUUID()).header("Authorization", rep.bearer()))
                .hasStatus(404);
    }

    @Test
    void importsMatchAProductByCodeNameOrAliasAfterFolding() {
        create("MATCH_" + unique, "Işıklı Tabela " + unique, ", \"aliases\": [\"IsikliTabela" + unique + "\"]");
        assertThat(products.matchByName("ışıklı tabela " + unique)).map(ProductDetails::code).contains("MATCH_" + unique);
        assertThat(products.matchByName("isiklitabela" + unique)).map(ProductDetails::code).contains("MATCH_" + unique);
        assertThat(products.matchByName("match_" + unique.toLowerCase())).map(ProductDetails::code)
                .contains("MATCH_" + unique);
        assertThat(products.matchByName("Işıklı " + unique)).isEmpty();
        assertThat(products.matchByName("%")).isEmpty();
    }
}
