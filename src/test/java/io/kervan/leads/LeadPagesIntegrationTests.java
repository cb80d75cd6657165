package io.kervan.leads;

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

/** The lead pages as a signed-in person uses them. */
@IntegrationTest
class LeadPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser rep;
    Cookie session;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
    }

    String createThroughTheForm(String lastName) {
        MvcTestResult result = mvc.post().uri("/leads").cookie(session).with(csrf())
                .param("firstName", "Gül").param("lastName", lastName).param("companyName", "Gül Örme")
                .param("phone", "0532 765 43 21").param("source", "event").param("status", "new")
                .param("ownerId", rep.id().toString()).param("visibleToTeam", "true").exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result.getResponse().getRedirectedUrl();
    }

    @Test
    void theNewLeadFormAndTheListRender() {
        assertThat(mvc.get().uri("/leads/new").cookie(session)).hasStatusOk().bodyText()
                .contains("New lead").contains("Company name").contains("Event / fair").contains("/js/leads.js");
        assertThat(mvc.get().uri("/leads").cookie(session)).hasStatusOk().bodyText()
                .contains("All statuses").contains("All sources").contains("navbar").contains("href=\"/leads\"");
    }

    @Test
    void theFormShowsEveryFieldErrorInlineAndKeepsWhatWasTyped() {
        String lastName = "Hatalı " + UUID.randomUUID();
        MvcTestResult result = mvc.post().uri("/leads").cookie(session).with(csrf())
                .param("lastName", lastName).param("email", "nope").param("phone", "123")
                .param("status", "disqualified").exchange();
        assertThat(result).hasStatusOk().bodyText()
                .contains("This is not a valid e-mail address.")
                .contains("This is not a valid phone number.")
                .contains("A disqualified lead needs a reason.")
                .contains("value=\"" + lastName + "\"");
        assertThat(jdbc.sql("select count(*) from leads where last_name = :n").param("n", lastName)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCreatedLeadOpensOnItsRecordPageWithTimelineConversionAreaAndHistory() {
        String lastName = "Kayıt " + UUID.randomUUID();
        String location = createThroughTheForm(lastName);
        assertThat(location).matches("/leads/[0-9a-f-]{36}");
        await().untilAsserted(() -> assertThat(mvc.get().uri(location).cookie(session)).hasStatusOk().bodyText()
                .contains(lastName).contains("+905327654321").contains("Event / fair").contains("id=\"timeline\"")
                .contains("id=\"conversion\"").contains("id=\"status-change\"").contains("Not responded yet")
                .contains("Created"));
    }

    @Test
    void theListFindsALeadWithAFoldedQueryAndAnswersHtmxWithTheResultsOnly() {
        String lastName = "Çağlayanoğlu " + UUID.randomUUID().toString().substring(0, 6);
        createThroughTheForm(lastName);
        assertThat(mvc.get().uri("/leads").param("q", "gul caglayanoglu").cookie(session)).hasStatusOk()
                .bodyText().contains(lastName).contains("navbar");
        assertThat(mvc.get().uri("/leads").param("q", "CAGLAYANOGLU").header("HX-Request", "true").cookie(session))
                .hasStatusOk().bodyText().contains(lastName).doesNotContain("navbar");
        assertThat(mvc.get().uri("/leads").param("q", "caglayanoglu").param("status", "qualified").cookie(session))
                .hasStatusOk().bodyText().doesNotContain(lastName);
        assertThat(mvc.get().uri("/leads").param("q", "caglayanoglu").param("sort", "nonsense").cookie(session))
                .hasStatusOk().bodyText().contains(lastName);
    }

    @Test
    void someoneWhoManagesOthersCanNarrowTheListToOneOwner() {
        String lastName = "Sahibi " + UUID.randomUUID().toString().substring(0, 6);
        createThroughTheForm(lastName);
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        Cookie adminSession = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/leads").param("q", lastName).param("owner", rep.id().toString()).cookie(adminSession))
                .hasStatusOk().bodyText().contains("Gül " + lastName).contains("All owners");
        assertThat(mvc.get().uri("/leads").param("q", lastName).param("owner", admin.id().toString()).cookie(adminSession))
                .hasStatusOk().bodyText().doesNotContain("Gül " + lastName).contains("Nothing found.");
    }

    @Test
    void theStatusFormRecordsTheFirstResponseAndRequiresAReasonToDisqualify() {
        String location = createThroughTheForm("Durum " + UUID.randomUUID());
        MvcTestResult refused = mvc.post().uri(location + "/status").cookie(session).with(csrf())
                .param("status", "disqualified").param("disqualifiedReason", "").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("A disqualified lead needs a reason.");
        assertThat(mvc.post().uri(location + "/status").cookie(session).with(csrf()).param("status", "contacted"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("responded in under a minute")
                .contains("Contacted");
        assertThat(mvc.post().uri(location + "/status").cookie(session).with(csrf()).param("status", "qualified"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("id=\"convert\"");
    }

    @Test
    void editingWithAStaleVersionWarnsInsteadOfOverwriting() {
        String location = createThroughTheForm("Bayat " + UUID.randomUUID());
        mvc.post().uri(location).cookie(session).with(csrf()).param("lastName", "Changed elsewhere").param("version", "0")
                .param("ownerId", rep.id().toString()).exchange();
        MvcTestResult stale = mvc.post().uri(location).cookie(session).with(csrf()).param("lastName", "My change")
                .param("version", "0").param("ownerId", rep.id().toString()).exchange();
        assertThat(stale).hasStatusOk().bodyText().contains("Someone else changed this record");
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("Changed elsewhere");
        assertThat(mvc.get().uri(location + "/edit").cookie(session)).hasStatusOk().bodyText().contains("Changed elsewhere");
    }

    @Test
    void archivingAndRestoringWorkFromTheRecordPage() {
        String location = createThroughTheForm("Arşiv " + UUID.randomUUID());
        assertThat(mvc.post().uri(location + "/archive").cookie(session).with(csrf())).hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("Archived").contains("Restore");
        assertThat(mvc.post().uri(location + "/unarchive").cookie(session).with(csrf())).hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().doesNotContain(location + "/unarchive").contains(location + "/archive");
    }

    @Test
    void anotherRepsPrivateLeadIsNotFoundAndAReadOnlyUserCannotEdit() {
        TestUsers users = new TestUsers(context);
        String location = createThroughTheForm("Özel " + UUID.randomUUID());
        mvc.post().uri(location).cookie(session).with(csrf()).param("lastName", "Özel").param("firstName", "Gül")
                .param("ownerId", rep.id().toString()).param("_visibleToTeam", "on").exchange();
        TestUsers.TestUser stranger = users.create(Role.SALES_REP, null);
        Cookie strangerSession = SignedInBrowserSession.signIn(mvc, stranger.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri(location).cookie(strangerSession)).hasStatus(404);
        TestUsers.TestUser reader = users.create(Role.READ_ONLY, null);
        Cookie readerSession = SignedInBrowserSession.signIn(mvc, reader.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri(location).cookie(readerSession)).hasStatusOk().bodyText().doesNotContain("id=\"edit\"");
        assertThat(mvc.get().uri(location + "/edit").cookie(readerSession)).hasStatus(403);
        assertThat(mvc.get().uri(location + "/convert").cookie(readerSession)).hasStatus(403);
    }

    @Test
    void thePagesAreAvailableInTurkish() {
        mvc.post().uri("/preferences/language").cookie(session).with(csrf()).param("lang", "tr").exchange();
        assertThat(mvc.get().uri("/leads/new").cookie(session)).bodyText().contains("Yeni müşteri adayı")
                .contains("Firma adı").contains("Etkinlik / fuar");
        String location = createThroughTheForm("Türkçe " + UUID.randomUUID());
        mvc.post().uri(location + "/status").cookie(session).with(csrf()).param("status", "contacted").exchange();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("İletişime geçildi")
                .contains("1 dakikadan kısa sürede yanıtlandı");
        assertThat(mvc.get().uri("/leads").cookie(session)).bodyText().contains("Müşteri adayları");
    }

    @Test
    void onlyAnAdminManagesLeadSourcesAndADeactivatedSourceIsNoLongerOffered() {
        assertThat(mvc.get().uri("/admin/lead-sources").cookie(session)).hasStatus(403);
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        Cookie adminSession = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/admin/lead-sources").cookie(adminSession)).hasStatusOk().bodyText()
                .contains("web_form").contains("WhatsApp").contains("Etkinlik / fuar");
        String key = "linkedin_" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        assertThat(mvc.post().uri("/admin/lead-sources").cookie(adminSession).with(csrf()).param("key", key)
                .param("labelEn", "LinkedIn " + key).param("labelTr", "LinkedIn TR")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/leads/new").cookie(session)).bodyText().contains("LinkedIn " + key);
        assertThat(mvc.post().uri("/admin/lead-sources").cookie(adminSession).with(csrf()).param("key", "Bad Key")
                .param("labelEn", "").param("labelTr", "x")).hasStatusOk().bodyText()
                .contains("A key has lower-case letters, digits and underscores only.").contains("This field is required.");
        UUID id = jdbc.sql("select id from lead_sources where source_key = :k").param("k", key).query(UUID.class).single();
        assertThat(mvc.post().uri("/admin/lead-sources/" + id).cookie(adminSession).with(csrf())
                .param("labelEn", "LinkedIn renamed " + key).param("labelTr", "LinkedIn TR")).hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/admin/lead-sources/" + id + "/active").cookie(adminSession).with(csrf())
                .param("active", "false")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/lead-sources").cookie(adminSession)).bodyText()
                .contains("LinkedIn renamed " + key).contains("Inactive");
        assertThat(mvc.get().uri("/leads/new").cookie(session)).bodyText().doesNotContain("LinkedIn");
    }
}
