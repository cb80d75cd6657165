package io.kervan.products;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The product, price list and exchange rate pages as signed-in people use them. */
@IntegrationTest
class ProductPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser manager;
    TestUsers.TestUser rep;
    TestUsers.TestUser admin;
    Cookie managerSession;
    Cookie repSession;
    String unique;

    @BeforeEach
    void signIn() {
        TestUsers users = new TestUsers(context);
        manager = users.create(Role.MANAGER, null);
        rep = users.create(Role.SALES_REP, null);
        admin = users.create(Role.ADMIN, null);
        managerSession = SignedInBrowserSession.signIn(mvc, manager.email(), TestUsers.PASSWORD);
        repSession = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    String createProduct(String code, String name) {
        MvcTestResult result = mvc.post().uri("/products").cookie(managerSession).with(csrf())
                .param("code", code).param("name", name).param("unitPrice", "1.234,50").param("currency", "TRY")
                .param("vatRate", "10").param("unit", "adet").param("aliases", "Kısa Ad, Diğer")
                .param("active", "true").exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result.getResponse().getRedirectedUrl();
    }

    @Test
    void theProductListRendersWithNavigationAndAnswersHtmxWithTheResultsOnly() {
        String name = "Çelik Vida " + unique;
        createProduct("VIDA-" + unique, name);
        assertThat(mvc.get().uri("/products").param("q", "celik vida " + unique).cookie(repSession)).hasStatusOk()
                .bodyText().contains(name).contains("navbar").contains("href=\"/products\"")
                .contains("id=\"price-lists-link\"").doesNotContain("id=\"new-product\"");
        assertThat(mvc.get().uri("/products").param("q", "kisa ad " + unique).header("HX-Request", "true")
                .cookie(repSession)).hasStatusOk().bodyText().contains(name).doesNotContain("navbar");
    }

    @Test
    void aManagerCreatesAProductThroughTheFormAndSeesItsPage() {
        String location = createProduct("FORM-" + unique, "Form Ürünü " + unique);
        assertThat(location).matches("/products/[0-9a-f-]{36}");
        await().untilAsserted(() -> assertThat(mvc.get().uri(location).cookie(repSession)).hasStatusOk().bodyText()
                .contains("Form Ürünü " + unique).contains("1,234.50 TRY").contains("%10").contains("Kısa Ad")
                .contains("id=\"product-price-lists\"").contains("Created"));
    }

    @Test
    void theProductFormShowsEveryFieldErrorInlineAndKeepsWhatWasTyped() {
        String code = "ERR-" + unique;
        MvcTestResult result = mvc.post().uri("/products").cookie(managerSession).with(csrf())
                .param("code", code).param("name", "").param("unitPrice", "abc").param("vatRate", "18")
                .param("currency", "TRY").exchange();
        assertThat(result).hasStatusOk().bodyText()
                .contains("This field is required.")
                .contains("This is not a valid number.")
                .contains("The VAT rate must be 0, 1, 10 or 20 %.")
                .contains("value=\"" + code + "\"")
                .contains("is-invalid");
        assertThat(jdbc.sql("select count(*) from products where code = :c").param("c", code).query(Long.class).single())
                .isZero();
    }

    @Test
    void aSalesRepMayNotOpenTheProductForms() {
        assertThat(mvc.get().uri("/products/new").cookie(repSession)).hasStatus(403);
        assertThat(mvc.post().uri("/products").cookie(repSession).with(csrf()).param("code", "REP-" + unique)
                .param("name", "x").param("unitPrice", "1")).hasStatus(403);
        assertThat(mvc.get().uri("/price-lists/new").cookie(repSession)).hasStatus(403);
    }

    @Test
    void aPriceListIsBuiltWithRepeatableItemAndTierRowsAndShowsOnTheProductPage() {
        String productPage = createProduct("PLF-" + unique, "Liste Ürünü " + unique);
        String productId = productPage.substring(productPage.lastIndexOf('/') + 1);
        assertThat(mvc.get().uri("/price-lists/new").cookie(managerSession)).hasStatusOk().bodyText()
                .contains("id=\"item-row-template\"").contains("data-add-tier")
                .contains("name=\"items[__INDEX__].tiers[__TIER__].minQuantity\"").contains("/js/products.js")
                .contains("Liste Ürünü " + unique);
        // Rows 1 and tier 1 were removed in the browser: the gaps must not matter.
        MvcTestResult created = mvc.post().uri("/price-lists").cookie(managerSession).with(csrf())
                .param("name", "Bayi Listesi " + unique).param("currency", "TRY").param("active", "true")
                .param("items[0].productId", productId)
                .param("items[0].tiers[0].minQuantity", "1").param("items[0].tiers[0].price", "10,00")
                .param("items[0].tiers[2].minQuantity", "100").param("items[0].tiers[2].price", "9,20")
                .param("items[2].productId", "").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).cookie(repSession)).hasStatusOk().bodyText()
                .contains("Bayi Listesi " + unique).contains("from 100").contains("9.20 TRY");
        assertThat(mvc.get().uri(productPage).cookie(repSession)).bodyText().contains("Bayi Listesi " + unique)
                .contains("from 100: 9.20 TRY");
        assertThat(mvc.get().uri("/price-lists").cookie(repSession)).hasStatusOk().bodyText()
                .contains("Bayi Listesi " + unique);
        assertThat(mvc.get().uri(location + "/edit").cookie(managerSession)).hasStatusOk().bodyText()
                .contains("value=\"9.2\"").contains("name=\"items[0].tiers[1].price\"");
    }

    @Test
    void thePriceListFormShowsTierErrorsInlineNextToTheirRow() {
        String productPage = createProduct("PLE-" + unique, "Hatalı Liste Ürünü " + unique);
        String productId = productPage.substring(productPage.lastIndexOf('/') + 1);
        String name = "Hatalı Liste " + unique;
        MvcTestResult result = mvc.post().uri("/price-lists").cookie(managerSession).with(csrf())
                .param("name", name).param("currency", "TRY")
                .param("items[0].productId", productId)
                .param("items[0].tiers[0].minQuantity", "100").param("items[0].tiers[0].price", "9")
                .param("items[0].tiers[1].minQuantity", "10").param("items[0].tiers[1].price", "-1")
                .param("validFrom", "2026-02-30").exchange();
        assertThat(result).hasStatusOk().bodyText()
                .contains("Tier minimums must increase from one tier to the next.")
                .contains("This must not be negative.")
                .contains("This is not a valid date (YYYY-MM-DD).")
                .contains("value=\"" + name + "\"");
        assertThat(jdbc.sql("select count(*) from price_lists where name = :n").param("n", name).query(Long.class)
                .single()).isZero();
    }

    @Test
    void adminsMaintainExchangeRatesOnTheirPageWithInlineErrors() {
        Cookie adminSession = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/admin/exchange-rates").cookie(adminSession)).hasStatusOk().bodyText()
                .contains("id=\"exchange-rate-form\"").contains("Rate in TRY");
        MvcTestResult invalid = mvc.post().uri("/admin/exchange-rates").cookie(adminSession).with(csrf())
                .param("currency", "JPY").param("rateDate", "2042-05-01").param("rateToTry", "-3").exchange();
        assertThat(invalid).hasStatusOk().bodyText().contains("The rate must be above 0, with at most 6 decimals.")
                .contains("value=\"JPY\"");
        MvcTestResult created = mvc.post().uri("/admin/exchange-rates").cookie(adminSession).with(csrf())
                .param("currency", "jpy").param("rateDate", "2042-05-01").param("rateToTry", "0,2345").exchange();
        assertThat(created).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/exchange-rates?currency=JPY").cookie(adminSession)).bodyText()
                .contains("2042-05-01").contains("0.2345");
        assertThat(mvc.get().uri("/admin/exchange-rates").cookie(managerSession)).hasStatus(403);
    }

    @Test
    void thePagesSpeakTurkishToATurkishUser() {
        TestUsers.TestUser turkish = new TestUsers(context).create(Role.MANAGER, null);
        jdbc.sql("update users set locale = 'tr' where id = :id").param("id", turkish.id()).update();
        Cookie session = SignedInBrowserSession.signIn(mvc, turkish.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/products").cookie(session)).hasStatusOk().bodyText()
                .contains("Ürünler").contains("Pasifleri göster").contains("Fiyat listeleri");
        assertThat(mvc.get().uri("/price-lists/new").cookie(session)).hasStatusOk().bodyText()
                .contains("Kademe ekle").contains("Ürün ekle").contains("En az miktar");
        assertThat(mvc.post().uri("/products").cookie(session).with(csrf()).param("code", "TR-" + unique)
                .param("name", "Türkçe").param("unitPrice", "1").param("vatRate", "8")).hasStatusOk().bodyText()
                .contains("KDV oranı %0, %1, %10 veya %20 olmalıdır.");
    }
}
