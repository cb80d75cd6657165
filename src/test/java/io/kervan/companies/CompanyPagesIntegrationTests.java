package io.kervan.companies;

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

/** The company pages as a signed-in person uses them. */
@IntegrationTest
class CompanyPagesIntegrationTests {

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

    String createThroughTheForm(String name) {
        MvcTestResult result = mvc.post().uri("/companies").cookie(session).with(csrf())
                .param("name", name).param("phone", "0532 123 45 67").param("city", "İzmir")
                .param("ownerId", rep.id().toString()).param("visibleToTeam", "true").exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result.getResponse().getRedirectedUrl();
    }

    @Test
    void theFormShowsEveryFieldErrorInlineAndKeepsWhatWasTyped() {
        String name = "Form errors " + UUID.randomUUID();
        MvcTestResult result = mvc.post().uri("/companies").cookie(session).with(csrf())
                .param("name", name).param("email", "nope").param("phone", "123").param("annualRevenue", "lots")
                .exchange();
        assertThat(result).hasStatusOk().bodyText()
                .contains("This is not a valid e-mail address.")
                .contains("This is not a valid phone number.")
                .contains("This is not a valid number.")
                .contains("value=\"" + name + "\"");
        assertThat(jdbc.sql("select count(*) from companies where name = :n").param("n", name).query(Long.class).single())
                .isZero();
    }

    @Test
    void aCreatedCompanyOpensOnItsRecordPageWithTheChangeHistory() {
        String name = "Sayfa Test " + UUID.randomUUID();
        String location = createThroughTheForm(name);
        assertThat(location).matches("/companies/[0-9a-f-]{36}");
        await().untilAsserted(() -> assertThat(mvc.get().uri(location).cookie(session)).hasStatusOk().bodyText()
                .contains(name).contains("+905321234567").contains("id=\"timeline\"").contains("Created"));
    }

    @Test
    void theListFindsCompaniesAsYouTypeAndAnswersHtmxWithTheResultsOnly() {
        String name = "Çağlayan Örme " + UUID.randomUUID().toString().substring(0, 6);
        createThroughTheForm(name);
        assertThat(mvc.get().uri("/companies").param("q", "caglayan orme").cookie(session)).hasStatusOk()
                .bodyText().contains(name).contains("navbar");
        assertThat(mvc.get().uri("/companies").param("q", "CAGLAYAN").header("HX-Request", "true").cookie(session))
                .hasStatusOk().bodyText().contains(name).doesNotContain("navbar");
        // Export and paging links keep the search the list shows.
        assertThat(mvc.get().uri("/companies").param("q", "çağlayan örme").param("sort", "-updatedAt").cookie(session))
                .bodyText().contains("href=\"/companies/export?format=csv&amp;q=%C3%A7a%C4%9Flayan+%C3%B6rme&amp;sort=-updatedAt\"");
    }

    @Test
    void editingWithAStaleVersionWarnsInsteadOfOverwriting() {
        String location = createThroughTheForm("Stale form " + UUID.randomUUID());
        mvc.post().uri(location).cookie(session).with(csrf()).param("name", "Changed elsewhere").param("version", "0")
                .param("ownerId", rep.id().toString()).exchange();
        MvcTestResult stale = mvc.post().uri(location).cookie(session).with(csrf()).param("name", "My change")
                .param("version", "0").param("ownerId", rep.id().toString()).exchange();
        assertThat(stale).hasStatusOk().bodyText().contains("Someone else changed this record");
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("Changed elsewhere");
    }

    @Test
    void archivingAndRestoringWorkFromTheRecordPage() {
        String location = createThroughTheForm("Archive page " + UUID.randomUUID());
        assertThat(mvc.post().uri(location + "/archive").cookie(session).with(csrf())).hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("Archived").contains("Restore");
        assertThat(mvc.post().uri(location + "/unarchive").cookie(session).with(csrf())).hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location).cookie(session)).bodyText().contains("Archive");
    }

    @Test
    void anotherTeamsCompanyIsNotFoundAndAReadOnlyUserCannotOpenTheEditForm() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser stranger = users.create(Role.SALES_REP, null);
        String location = createThroughTheForm("Private page " + UUID.randomUUID());
        Cookie strangerSession = SignedInBrowserSession.signIn(mvc, stranger.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri(location).cookie(strangerSession)).hasStatus(404);
        TestUsers.TestUser reader = users.create(Role.READ_ONLY, null);
        Cookie readerSession = SignedInBrowserSession.signIn(mvc, reader.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri(location).cookie(readerSession)).hasStatusOk().bodyText().doesNotContain("id=\"edit\"");
        assertThat(mvc.get().uri(location + "/edit").cookie(readerSession)).hasStatus(403);
    }

    @Test
    void theFormAndListAreAvailableInTurkish() {
        mvc.post().uri("/preferences/language").cookie(session).with(csrf()).param("lang", "tr").exchange();
        assertThat(mvc.get().uri("/companies/new").cookie(session)).bodyText().contains("Yeni firma").contains("Vergi numarası");
        MvcTestResult result = mvc.post().uri("/companies").cookie(session).with(csrf()).param("name", "").exchange();
        assertThat(result).bodyText().contains("Bu alan zorunludur.");
    }

    @Test
    void theNextPageLinkKeepsTheSearch() throws Exception {
        String prefix = "Sayfalı" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 51; i++) {
            assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"" + prefix + " " + (100 + i) + "\"}")).hasStatus(201);
        }
        String first = mvc.get().uri("/companies").param("q", prefix).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String href = next.group(1).replace("&amp;", "&");
        assertThat(href).contains("cursor=").contains("q=");
        // the link is already encoded: as a URI, not a template (a template would encode its % again)
        assertThat(mvc.get().uri(java.net.URI.create(href)).cookie(session)).hasStatusOk().bodyText()
                .contains(prefix + " 150").doesNotContain(prefix + " 100<").contains("First page");
    }
}
