package io.kervan.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class SearchPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser rep;
    Cookie session;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
    }

    String create(String resource, String json) {
        MvcTestResult result = mvc.post().uri("/api/v1/" + resource).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    String html(String uri) throws Exception {
        MvcTestResult result = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyPageHasTheSearchBoxInTheTopBar() throws Exception {
        assertThat(html("/contacts")).contains("id=\"global-search-q\"").contains("hx-get=\"/search/suggest\"");
    }

    @Test
    void suggestionsListAFewHitsPerTypeWithLinksToTheRecords() throws Exception {
        String word = SearchApiIntegrationTests.token();
        String[] contacts = new String[4];
        for (int i = 0; i < contacts.length; i++) {
            contacts[i] = create("contacts", "{\"firstName\": \"Öneri" + i + "\", \"lastName\": \"" + word + "\"}");
        }
        String deal = create("deals", "{\"title\": \"Fırsat " + word + "\", \"value\": 1250.5}");

        String html = html("/search/suggest?q=" + word);

        assertThat(html).doesNotContain("<html").contains("id=\"global-search-menu\"")
                .contains("href=\"/contacts/" + contacts[3] + "\"").contains("href=\"/contacts/" + contacts[1] + "\"")
                .doesNotContain("/contacts/" + contacts[0])
                .contains("href=\"/deals/" + deal + "\"").contains("Fırsat <mark>" + word + "</mark>")
                .contains("href=\"/search?q=" + word + "\"");
    }

    @Test
    void aOneLetterQuerySuggestsNothing() throws Exception {
        assertThat(html("/search/suggest?q=a")).doesNotContain("global-search-menu");
        assertThat(html("/search/suggest")).doesNotContain("global-search-menu");
    }

    @Test
    void theResultsPageGroupsHitsByTypeAndLinksToTheFilteredLists() throws Exception {
        String word = SearchApiIntegrationTests.token();
        for (int i = 0; i < 11; i++) {
            create("contacts", "{\"firstName\": \"Sonuç" + i + "\", \"lastName\": \"" + word + "\"}");
        }
        String company = create("companies", "{\"name\": \"" + word + " Tekstil\"}");

        String html = html("/search?q=" + word);

        assertThat(html).contains("id=\"search-contacts\"").contains("id=\"search-companies\"")
                .doesNotContain("id=\"search-leads\"").contains("href=\"/companies/" + company + "\"")
                .contains("href=\"/contacts?q=" + word + "&amp;sort=-updatedAt\"").doesNotContain("href=\"/companies?q=" + word);
        assertThat(html.split("Sonuç", -1)).hasSize(11);
    }

    @Test
    void theResultsPageSaysWhenNothingIsFoundInTheUsersLanguage() throws Exception {
        mvc.post().uri("/preferences/language").cookie(session).param("lang", "tr")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();

        String html = html("/search?q=" + SearchApiIntegrationTests.token());

        assertThat(html).contains("id=\"search-empty\"").contains("Hiçbir şey bulunamadı.");
    }

    @Test
    void hostileTextIsShownEscaped() throws Exception {
        MvcTestResult result = mvc.get().uri("/search").param("q", "<script>alert(1)</script>").cookie(session)
                .exchange();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }
}
