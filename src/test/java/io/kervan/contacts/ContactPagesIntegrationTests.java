package io.kervan.contacts;

import io.kervan.IntegrationTest;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class ContactPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ContactFixtures fixtures;
    ContactFixtures.User rep;
    /** The session cookie of a form login (sessions live in PostgreSQL, so the cookie is the session). */
    Cookie[] session;

    @BeforeEach
    void signIn() {
        fixtures = new ContactFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
        MvcTestResult login = mvc.perform(formLogin("/login").user(rep.email()).password(ContactFixtures.PASSWORD));
        assertThat(login).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/");
        session = login.getResponse().getCookies();
        assertThat(session).extracting(Cookie::getName).contains("SESSION");
    }

    MvcTestResult page(String uri) {
        return mvc.get().uri(uri).cookie(session).exchange();
    }

    String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theListPageShowsContactsAndSearchesAsYouType() throws Exception {
        String token = ContactFixtures.token();
        UUID id = fixtures.contact(rep, "{\"firstName\": \"Listeli\", \"lastName\": \"" + token + "\"}");

        MvcTestResult full = page("/contacts");
        assertThat(full).hasStatusOk();
        assertThat(html(full)).contains("id=\"q\"").contains("href=\"/contacts/" + id + "\"").contains("contact-link");

        MvcTestResult fragment = mvc.get().uri("/contacts?q=" + token).header("HX-Request", "true")
                .cookie(session).exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(html(fragment)).contains("/contacts/" + id).doesNotContain("<html");
    }

    @Test
    void theNewContactFormOffersRepeatableRowsAndPreLinksACompany() throws Exception {
        UUID company = fixtures.company(rep, "Formfirma " + ContactFixtures.token());

        MvcTestResult result = page("/contacts/new?companyId=" + company);

        assertThat(result).hasStatusOk();
        assertThat(html(result)).contains("name=\"emails[0]\"").contains("name=\"phones[0]\"")
                .contains("name=\"companies[0].companyId\"").contains("name=\"emails[__INDEX__]\"")
                .contains("data-add-row=\"company-rows\"").containsPattern("value=\"" + company + "\"\\s+selected")
                .doesNotContain("onclick");
    }

    @Test
    void theDetailPageShowsEmailsPhonesCompaniesAndHistory() throws Exception {
        String token = ContactFixtures.token();
        UUID company = fixtures.company(rep, "Detayfirma " + token);
        UUID id = fixtures.contact(rep, """
                {"firstName": "Detay", "lastName": "Kişi", "emails": ["detay@example.com"],
                 "phones": ["0532 123 45 67"], "companies": [{"companyId": "%s", "role": "Müdür"}]}""".formatted(company));

        MvcTestResult result = page("/contacts/" + id);

        assertThat(result).hasStatusOk();
        assertThat(html(result)).contains("Detay Kişi").contains("mailto:detay@example.com")
                .contains("tel:+905321234567").contains("+90 532 123 45 67").contains("https://wa.me/905321234567")
                .contains("href=\"/companies/" + company + "\"").contains("Müdür").contains("id=\"timeline\"")
                .contains("id=\"change-history\"").contains("/contacts/" + id + "/archive");
    }

    @Test
    void theCompanyPageCardListsItsContactsAndRefusesHiddenCompanies() throws Exception {
        String token = ContactFixtures.token();
        UUID company = fixtures.company(rep, "Kartfirma " + token);
        UUID id = fixtures.contact(rep, """
                {"firstName": "Kart", "lastName": "%s", "companies": [{"companyId": "%s", "role": "Muhasebe"}]}"""
                .formatted(token, company));
        UUID hidden = fixtures.company(fixtures.user(Role.SALES_REP), "Gizli " + token);

        MvcTestResult card = page("/contacts/of-company/" + company);

        assertThat(card).hasStatusOk();
        assertThat(html(card)).contains("/contacts/" + id).contains("Muhasebe")
                .contains("/contacts/new?companyId=" + company).doesNotContain("<html");
        assertThat(page("/contacts/of-company/" + hidden)).hasStatus(404);
    }

    @Test
    void postingTheFormWithABadEmailShowsTheErrorOnItsRowAndStoresNothing() throws Exception {
        String name = "Formhata " + ContactFixtures.token();
        MvcTestResult result = mvc.post().uri("/contacts").with(csrf())
                .cookie(session).param("firstName", name).param("emails[0]", "good@example.com")
                .param("emails[1]", "bad@").param("phones[0]", "0532 123 45 67").exchange();

        assertThat(result).hasStatusOk();
        assertThat(html(result)).contains("value=\"bad@\"").contains("is-invalid")
                .contains("This is not a valid e-mail address.");
        assertThat(jdbc.sql("select count(*) from contacts where first_name = :n").param("n", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void postingTheFormWithRowsCreatesTheContactAndItsLinks() {
        String name = "Formlu " + ContactFixtures.token();
        UUID company = fixtures.company(rep, "Formbağ " + ContactFixtures.token());
        MvcTestResult result = mvc.post().uri("/contacts").with(csrf())
                .cookie(session).param("firstName", name).param("emails[2]", "Row@Example.com")
                .param("phones[0]", "0532 123 45 67").param("companies[1].companyId", company.toString())
                .param("companies[1].role", "Satış").param("primaryCompanyIndex", "1").param("visibleToTeam", "true")
                .exchange();

        assertThat(result).hasStatus3xxRedirection();
        UUID id = jdbc.sql("select id from contacts where first_name = :n").param("n", name).query(UUID.class).single();
        assertThat(result).redirectedUrl().isEqualTo("/contacts/" + id);
        assertThat(jdbc.sql("select email from contact_emails where contact_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("row@example.com");
        assertThat(jdbc.sql("select role from contact_companies where contact_id = :id and is_primary")
                .param("id", id).query(String.class).list()).containsExactly("Satış");
    }

    @Test
    void theEditFormKeepsTheVersionAndShowsTheStaleWarning() throws Exception {
        UUID id = fixtures.contact(rep, "{\"firstName\": \"Sürüm\"}");
        assertThat(html(page("/contacts/" + id + "/edit"))).contains("name=\"version\" value=\"0\"");
        fixtures.contact(rep, "{\"firstName\": \"Other\"}");
        assertThat(mvc.patch().uri("/api/v1/contacts/" + id).header("Authorization", rep.bearer())
                .contentType("application/merge-patch+json").content("{\"title\": \"X\"}")).hasStatusOk();

        MvcTestResult result = mvc.post().uri("/contacts/" + id).with(csrf())
                .cookie(session).param("firstName", "Sürüm").param("version", "0").exchange();

        assertThat(result).hasStatusOk();
        assertThat(html(result)).contains("alert-warning");
    }
}
