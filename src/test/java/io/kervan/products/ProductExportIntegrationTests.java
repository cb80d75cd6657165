package io.kervan.products;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/products/export} and the product list's export buttons. */
@IntegrationTest
class ProductExportIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser manager;
    TestUsers.TestUser rep;
    String unique;

    @BeforeEach
    void products() {
        TestUsers users = new TestUsers(context);
        manager = users.create(Role.MANAGER, null);
        rep = users.create(Role.SALES_REP, null);
        unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(mvc.post().uri("/api/v1/products").header("Authorization", manager.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"EX-" + unique + "\", \"name\": \"-Şişe " + unique + "\", \"unitPrice\": 10.5}"))
                .hasStatus(201);
    }

    @Test
    void aProductExportNeutralisesTextButKeepsPricesAsNumbers() {
        MvcTestResult result = mvc.get().uri("/api/v1/products/export?format=csv&q=" + unique)
                .header("Authorization", rep.bearer()).exchange();
        assertThat(result).hasStatusOk();
        assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFCode,Name").containsPattern("EX-" + unique + ",'-Şişe " + unique + ",[^,]*,10\\.50*,");
        assertThat(mvc.get().uri("/api/v1/products/export?format=doc").header("Authorization", rep.bearer()))
                .hasStatus(400);
    }

    @Test
    void theListPageExportsTheSearchedCatalogue() {
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/products?q=" + unique).cookie(session)).hasStatusOk().bodyText()
                .contains("/products/export?format=csv&amp;q=" + unique);
        MvcTestResult result = mvc.get().uri("/products/export?format=csv&q=" + unique).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("EX-" + unique);
    }
}
