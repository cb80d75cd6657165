package io.kervan.web;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HomePageIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theStartPageLeadsToEveryWorkArea() {
        Cookie session = SignedInBrowserSession.signIn(mvc, "admin@kervan.test", "admin-password-1");
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText()
                .contains("href=\"/companies\"", "href=\"/contacts\"", "href=\"/leads\"", "href=\"/deals/board\"",
                        "href=\"/products\"", "href=\"/api/docs\"")
                .contains("Admin", "href=\"/admin/pipelines\"");
    }
}
