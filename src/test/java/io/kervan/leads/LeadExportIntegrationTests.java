package io.kervan.leads;

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

/** {@code GET /api/v1/leads/export} and the lead list's export buttons. */
@IntegrationTest
class LeadExportIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser rep;
    TestUsers.TestUser otherTeam;
    String marker;

    @BeforeEach
    void leads() {
        TestUsers users = new TestUsers(context);
        rep = users.create(Role.SALES_REP, users.team(null).id());
        otherTeam = users.create(Role.SALES_REP, users.team(null).id());
        marker = "Ld" + UUID.randomUUID().toString().substring(0, 8);
        create(rep, "{\"firstName\": \"Gökçe\", \"lastName\": \"Işık " + marker + "\", \"companyName\": \"@Çiftlik\"}");
        create(otherTeam, "{\"lastName\": \"Gizli " + marker + "\", \"visibleToTeam\": false}");
    }

    void create(TestUsers.TestUser user, String json) {
        assertThat(mvc.post().uri("/api/v1/leads").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json)).hasStatus(201);
    }

    String csv(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aLeadExportHoldsOnlyVisibleMatchingLeadsWithFormulasNeutralised() {
        String text = csv(mvc.get().uri("/api/v1/leads/export?format=csv&q=" + marker)
                .header("Authorization", rep.bearer()).exchange());
        assertThat(text).startsWith("\uFEFFFirst name,Last name,Company name")
                .contains("Gökçe,Işık " + marker + ",'@Çiftlik").doesNotContain("Gizli");
        assertThat(csv(mvc.get().uri("/api/v1/leads/export?format=csv&status=contacted&q=" + marker)
                .header("Authorization", rep.bearer()).exchange())).doesNotContain(marker);
        assertThat(csv(mvc.get().uri("/api/v1/leads/export?format=csv&status=new&q=" + marker)
                .header("Authorization", rep.bearer()).exchange())).contains(marker);
    }

    @Test
    void anUnknownFormatOrStatusIsABadRequest() {
        assertThat(mvc.get().uri("/api/v1/leads/export?format=txt").header("Authorization", rep.bearer()))
                .hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/leads/export?format=csv&status=converted")
                .header("Authorization", rep.bearer())).hasStatus(400);
    }

    @Test
    void theListPageExportsTheFilteredLeads() {
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/leads?q=" + marker).cookie(session)).hasStatusOk().bodyText()
                .contains("/leads/export?format=csv&amp;q=" + marker).contains("/leads/export?format=xlsx");
        MvcTestResult result = mvc.get().uri("/leads/export?format=xlsx&q=" + marker).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .matches("attachment; filename=\"leads-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");
    }
}
