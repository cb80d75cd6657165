package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/deals/export}: visible deals, amounts stay numbers. */
@IntegrationTest
class DealExportIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    DealFixtures api;
    TestUsers.TestUser rep;
    TestUsers.TestUser outsider;
    String marker;

    @BeforeEach
    void deals() {
        api = new DealFixtures(mvc);
        TestUsers users = new TestUsers(context);
        rep = users.create(Role.SALES_REP, users.team(null).id());
        outsider = users.create(Role.SALES_REP, users.team(null).id());
        marker = "Dl" + UUID.randomUUID().toString().substring(0, 8);
        api.createDeal(rep, "{\"title\": \"Görünür " + marker + "\", \"value\": 1500.5, \"currency\": \"TRY\"}");
        api.createDeal(outsider, "{\"title\": \"Gizli " + marker + "\", \"visibleToTeam\": false}");
    }

    @Test
    void aDealExportHoldsTheVisibleDealsWithTheValueAsANumber() throws IOException {
        MvcTestResult csv = api.get(rep, "/api/v1/deals/export?format=csv&q=" + marker);
        assertThat(csv).hasStatusOk();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).contains("Görünür " + marker + ",open,1500.5").doesNotContain("Gizli");

        MvcTestResult xlsx = api.get(rep, "/api/v1/deals/export?format=xlsx&q=" + marker);
        assertThat(xlsx).hasStatusOk();
        Path file = Files.createTempFile("deals", ".xlsx");
        try {
            Files.write(file, xlsx.getResponse().getContentAsByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))
                        .readAllBytes(), StandardCharsets.UTF_8);
                assertThat(sheet).containsPattern("t=\"n\"><v>1500\\.50*</v>");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theListPageExportsTheFilteredDeals() {
        jakarta.servlet.http.Cookie session = io.kervan.SignedInBrowserSession.signIn(mvc, rep.email(),
                TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/deals?q=" + marker).cookie(session)).hasStatusOk().bodyText()
                .contains("/deals/export?format=csv&amp;q=" + marker).contains("/deals/export?format=xlsx");
        MvcTestResult result = mvc.get().uri("/deals/export?format=csv&q=" + marker).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .matches("attachment; filename=\"deals-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("Görünür " + marker).doesNotContain("Gizli");
    }

    @Test
    void aBadStatusOrFormatIsABadRequest() {
        assertThat(api.get(rep, "/api/v1/deals/export?format=xls")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/deals/export?format=csv&status=maybe")).hasStatus(400);
    }
}
