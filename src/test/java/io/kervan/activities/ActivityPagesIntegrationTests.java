package io.kervan.activities;

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
import tools.jackson.databind.ObjectMapper;

import static io.kervan.activities.ActivityApi.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The quick-log form (fragment and full page) and the timeline's htmx pages, on every record page. */
@IntegrationTest
class ActivityPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    ActivityApi api;
    TestUsers.TestUser rep;
    Cookie session;

    @BeforeEach
    void signIn() {
        api = new ActivityApi(mvc, json);
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void everyRecordPageHasTheQuickLogBarAndLoadsItsTimeline() throws Exception {
        String company = api.company(rep, "Sayfa A.Ş. " + UUID.randomUUID());
        for (String[] record : new String[][] {{"companies", "company", company},
                {"contacts", "contact", api.contact(rep, "Sayfa", company)}, {"deals", "deal", api.deal(rep, "Sayfa", company)},
                {"leads", "lead", api.lead(rep, "Sayfa")}}) {
            String html = html(mvc.get().uri("/" + record[0] + "/" + record[2]).cookie(session).exchange());
            assertThat(html).contains("id=\"quick-log\"", "id=\"log-call\"", "data-shortcut=\"c\"",
                    "/activities/new?type=meeting&amp;recordType=" + record[1] + "&amp;recordId=" + record[2],
                    "id=\"timeline-items\"", "/js/activities.js");
        }
    }

    @Test
    void theCallFormIsAFragmentForHtmxAndAPageOtherwiseAndLoggingRedirectsToTheRecord() throws Exception {
        String contact = api.contact(rep, "Form", null);
        String uri = "/activities/new?type=call&recordType=contact&recordId=" + contact;
        String fragment = html(mvc.get().uri(uri).header("HX-Request", "true").cookie(session).exchange());
        assertThat(fragment).contains("id=\"activity-form\"", "hx-post=\"/activities\"", "outcome-noAnswer")
                .doesNotContain("<html");
        String page = html(mvc.get().uri(uri).cookie(session).exchange());
        assertThat(page).contains("<html", "id=\"activity-form\"", "Log a call").doesNotContain("hx-post=\"/activities\"");

        MvcTestResult logged = mvc.post().uri("/activities").cookie(session).with(csrf()).param("type", "call")
                .param("recordType", "contact").param("recordId", contact).param("outcome", "busy")
                .param("occurredAt", "2026-03-03T10:15").param("durationMinutes", "3").exchange();
        assertThat(logged).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/contacts/" + contact);
        assertThat(api.get(rep, "/api/v1/activities?recordType=contact&recordId=" + contact)).bodyJson()
                .extractingPath("$.items[0].occurredAt").isEqualTo("2026-03-03T07:15:00Z");
        assertThat(api.get(rep, "/api/v1/activities?recordType=contact&recordId=" + contact)).bodyJson()
                .extractingPath("$.items[0].durationSeconds").isEqualTo(180);
        // the next call form starts from that outcome
        assertThat(html(mvc.get().uri(uri).header("HX-Request", "true").cookie(session).exchange()))
                .containsPattern("id=\"outcome-busy\"[^>]*checked");
    }

    @Test
    void anHtmxPostAnswersWithFieldErrorsOrAConfirmationThatReloadsTheTimeline() throws Exception {
        String contact = api.contact(rep, "Hata", null);
        MvcTestResult invalid = mvc.post().uri("/activities").header("HX-Request", "true").cookie(session).with(csrf())
                .param("type", "email").param("recordType", "contact").param("recordId", contact)
                .param("occurredAt", "yesterday").exchange();
        assertThat(invalid).hasStatusOk();
        assertThat(html(invalid)).contains("is-invalid", "Enter a date and time.");

        MvcTestResult ok = mvc.post().uri("/activities").header("HX-Request", "true").cookie(session).with(csrf())
                .param("type", "note").param("recordType", "contact").param("recordId", contact)
                .param("body", "<b>Önemli</b> müşteri").exchange();
        assertThat(ok).hasStatusOk().hasHeader("HX-Trigger", "activityLogged");
        assertThat(html(ok)).contains("activity-logged", "Note added.");
    }

    @Test
    void theTimelineFragmentPagesWithARevealedSentinelAndSpeaksTurkish() throws Exception {
        String contact = api.contact(rep, "Akış", null);
        for (int i = 0; i < 22; i++) {
            api.log(rep, "{\"type\": \"whatsapp\", \"body\": \"Mesaj " + i + "\", \"links\": [" + link("contact", contact) + "]}");
        }
        String first = html(mvc.get().uri("/activities/timeline?recordType=contact&recordId=" + contact)
                .header("HX-Request", "true").cookie(session).exchange());
        assertThat(first).contains("Mesaj 21", "hx-trigger=\"revealed\"").doesNotContain("Mesaj 1<", "<html");
        String next = first.replaceAll("(?s).*hx-get=\"([^\"]*cursor=[^\"]*)\".*", "$1").replace("&amp;", "&");
        String second = html(mvc.get().uri(next).header("HX-Request", "true").cookie(session).exchange());
        assertThat(second).contains("Mesaj 1<", "Mesaj 0<", "Record created").doesNotContain("Mesaj 21", "revealed");

        mvc.post().uri("/preferences/language").cookie(session).with(csrf()).param("lang", "tr").exchange();
        String turkish = html(mvc.get().uri("/activities/timeline?recordType=contact&recordId=" + contact + "&filter=whatsapp")
                .cookie(session).exchange());
        assertThat(turkish).contains("WhatsApp", "Giden").doesNotContain("Kayıt oluşturuldu");
        assertThat(mvc.get().uri("/activities/timeline?recordType=contact&recordId=" + contact + "&cursor=%%%")
                .cookie(session).exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/activities/timeline?recordType=ship&recordId=" + contact).cookie(session).exchange())
                .hasStatus(400);
    }

    private static String html(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
