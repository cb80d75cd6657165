package io.kervan.contacts;

import io.kervan.IntegrationTest;
import io.kervan.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ContactSearchIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ContactFixtures fixtures;
    ContactFixtures.User rep;

    @BeforeEach
    void createRep() {
        fixtures = new ContactFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
    }

    List<String> search(String query) {
        try {
            String body = mvc.get().uri("/api/v1/contacts").param("q", query).param("limit", "200")
                    .header("Authorization", rep.bearer()).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            return com.jayway.jsonpath.JsonPath.read(body, "$.items[*].id");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void findsAContactByTheFoldedFormOfATurkishName() {
        String token = ContactFixtures.token();
        UUID id = fixtures.contact(rep, """
                {"firstName": "Nilüfer", "lastName": "Şekerci", "tags": ["%s"]}""".formatted(token));

        assertThat(search("sekerci " + token)).containsExactly(id.toString());
        assertThat(search("NİLÜFER " + token)).containsExactly(id.toString());
    }

    @Test
    void findsAContactByAPhoneNumberTypedDifferently() {
        String national = ContactFixtures.mobile();
        String digits = national.replace(" ", "").substring(1);
        UUID id = fixtures.contact(rep, "{\"firstName\": \"Telefon\", \"phones\": [\"" + national + "\"]}");

        String international = "+90 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
        assertThat(search(international)).containsExactly(id.toString());
        assertThat(search(national.replace(" ", ""))).containsExactly(id.toString());
    }

    @Test
    void findsTheContactsOfACompanyByTheCompanysName() {
        String token = ContactFixtures.token();
        UUID company = fixtures.company(rep, "Boğaziçi Lojistik " + token);
        UUID id = fixtures.contact(rep, """
                {"firstName": "Kemal", "companies": [{"companyId": "%s", "role": "Depo"}]}""".formatted(company));

        assertThat(search("bogazici " + token)).containsExactly(id.toString());
    }

    @Test
    void findsAContactDespiteOneTypo() {
        String token = ContactFixtures.token();
        UUID id = fixtures.contact(rep, """
                {"firstName": "Zeynep", "lastName": "Karamustafapaşa", "tags": ["%s"]}""".formatted(token));

        assertThat(search("karamustafapasa " + token)).containsExactly(id.toString());
        assertThat(search("karamustafapsa " + token)).containsExactly(id.toString());
    }

    @Test
    void toleratesSwappedAndExtraLettersButKeepsAnExactWordExact() {
        String token = ContactFixtures.token();
        UUID tosunoglu = fixtures.contact(rep, """
                {"firstName": "Gülizar", "lastName": "Tosunoğlu", "tags": ["%s"]}""".formatted(token));
        UUID ahmet = fixtures.contact(rep, """
                {"firstName": "Ahmet", "lastName": "Kaya", "tags": ["%s"]}""".formatted(token));
        UUID ahmed = fixtures.contact(rep, """
                {"firstName": "Ahmed", "lastName": "Kaya", "tags": ["%s"]}""".formatted(token));

        assertThat(search("tosnuoglu " + token)).containsExactly(tosunoglu.toString());
        assertThat(search("tosunogglu " + token)).containsExactly(tosunoglu.toString());
        // "ahmet" is a known word, so it is not also read as a typo of "ahmed".
        assertThat(search("ahmet " + token)).containsExactly(ahmet.toString());
        assertThat(search("kaya " + token)).containsExactlyInAnyOrder(ahmet.toString(), ahmed.toString());
    }

    @Test
    void keepsNamesButNotEmailAddressesInTheTypoVocabulary() {
        fixtures.contact(rep, """
                {"firstName": "Ufuk", "lastName": "Karakuzgunlar", "emails": ["mavikuzgunlar@example.com"]}""");

        assertThat(jdbc.sql("select word from search_words where scope = 'contacts' and word like '%kuzgunlar'")
                .query(String.class).list()).containsExactly("karakuzgunlar");
    }

    /** Words end at anything that is not a letter (V0079 splits once where V0061 split twice). */
    @Test
    void splitsTheTypoVocabularyAtAnythingNotALetter() {
        String token = ContactFixtures.token();
        fixtures.contact(rep, """
                {"firstName": "Zülfikar", "lastName": "Öz-Bayraktaroğlu", "city": "Kahramanmaraş/Elbistan",
                 "emails": ["zulfikar.ozbayraktaroglu@example.com"], "tags": ["%s"]}""".formatted(token));

        assertThat(jdbc.sql("""
                select word from search_words where scope = 'contacts'
                   and word in ('zulfikar', 'bayraktaroglu', 'kahramanmaras', 'elbistan', 'ozbayraktaroglu',
                                'kahramanmaras/elbistan', :token)
                """).param("token", token).query(String.class).list())
                .containsExactlyInAnyOrder("bayraktaroglu", "elbistan", "kahramanmaras", token, "zulfikar");
    }

    @Test
    void learnsTheWordsOfAnUpdatedContactForTypoSearch() {
        String token = ContactFixtures.token();
        UUID id = fixtures.contact(rep, """
                {"firstName": "Deniz", "lastName": "Eski", "tags": ["%s"]}""".formatted(token));
        assertThat(mvc.patch().uri("/api/v1/contacts/" + id).header("Authorization", rep.bearer())
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .content("{\"lastName\": \"Zümrütkaya\"}")).hasStatusOk();

        assertThat(search("zumrutkaja " + token)).containsExactly(id.toString());
    }

    @Test
    void findsContactsByTheirCompanysNewNameAfterARename() {
        String oldName = "Eskiad " + ContactFixtures.token();
        String newName = "Yeniad " + ContactFixtures.token();
        UUID company = fixtures.company(rep, oldName);
        UUID id = fixtures.contact(rep, """
                {"firstName": "Selin", "companies": [{"companyId": "%s"}]}""".formatted(company));
        assertThat(search(oldName)).containsExactly(id.toString());

        assertThat(mvc.patch().uri("/api/v1/companies/" + company).header("Authorization", rep.bearer())
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .content("{\"name\": \"" + newName + "\"}")).hasStatusOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(search(newName)).containsExactly(id.toString()));
        assertThat(search(oldName)).isEmpty();
        assertThat(mvc.get().uri("/api/v1/contacts/" + id).header("Authorization", rep.bearer())).bodyJson()
                .extractingPath("$.version").isEqualTo(0);
    }
}
