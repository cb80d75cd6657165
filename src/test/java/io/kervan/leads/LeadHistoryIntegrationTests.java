package io.kervan.leads;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.awaitility.Awaitility.await;

/**
 * The change history names coded values (a lead's status) by their label, not their key, in the page's language;
 * other values show as they were entered.
 */
@IntegrationTest
class LeadHistoryIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void aStatusChangeShowsTheStatusLabelsInTheHistoryAndOtherValuesAsEntered() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        MvcTestResult created = mvc.post().uri("/api/v1/leads").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"Tarihçe\"}").exchange();
        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        assertThat(mvc.patch().uri(location).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"contacted\", \"lastName\": \"Öztürk\"}")).hasStatusOk();
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        String page = location.replace("/api/v1", "");
        await().untilAsserted(() -> assertThat(mvc.get().uri(page).cookie(session)).bodyText()
                .containsPattern(">New</del>\\s*→ <span>Contacted</span>")
                .containsPattern("<span>Last name</span>:\\s*<del[^>]*>—</del>\\s*→ <span>Öztürk</span>"));
        assertThat(mvc.post().uri("/preferences/language").cookie(session).with(csrf()).param("lang", "tr"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri(page).cookie(session)).bodyText()
                .containsPattern(">Yeni</del>\\s*→ <span>İletişime geçildi</span>")
                .containsPattern("<span>Soyad</span>:\\s*<del[^>]*>—</del>\\s*→ <span>Öztürk</span>");
    }
}
