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
import static org.awaitility.Awaitility.await;

/** The change history names coded values (a lead's status) by their label, not their key. */
@IntegrationTest
class LeadHistoryIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void aStatusChangeShowsTheStatusLabelsInTheHistory() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        MvcTestResult created = mvc.post().uri("/api/v1/leads").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"Tarihçe\"}").exchange();
        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        assertThat(mvc.patch().uri(location).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"contacted\"}")).hasStatusOk();
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        String page = location.replace("/api/v1", "");
        await().untilAsserted(() -> assertThat(mvc.get().uri(page).cookie(session)).bodyText()
                .containsPattern(">New</del>\\s*→ <span>Contacted</span>"));
    }
}
