package io.kervan.companies;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Search ignores case and Turkish diacritics, tolerates a typo, and finds phones however typed. */
@IntegrationTest
class CompanySearchIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers.TestUser rep;
    String tag;

    @BeforeEach
    void aTurkishCompany() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Şekerci Çikolata Sanayi", "city": "İstanbul", "phone": "0532 123 45 67",
                         "email": "satis@sekerci.example", "tags": ["%s"]}""".formatted(tag))).hasStatus(201);
    }

    void finds(String query) {
        assertThat(mvc.get().uri("/api/v1/companies").param("q", query + " " + tag).header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items[*].name").asArray().containsExactly("Şekerci Çikolata Sanayi");
    }

    @Test
    void findsWithoutTurkishLetters() {
        finds("sekerci");
        finds("cikolata");
    }

    @Test
    void findsCapitalisedTurkishWords() {
        finds("ISTANBUL");
        finds("İSTANBUL");
        finds("ŞEKERCİ");
    }

    @Test
    void toleratesATypo() {
        finds("sekrci");
        finds("cikolada");
        finds("istanbl");
    }

    @Test
    void findsByPhoneHoweverItIsWritten() {
        assertThat(mvc.get().uri("/api/v1/companies").param("q", "+90 532 123 4567").header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items[*].name").asArray().contains("Şekerci Çikolata Sanayi");
        assertThat(mvc.get().uri("/api/v1/companies").param("q", "05321234567").header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items[*].name").asArray().contains("Şekerci Çikolata Sanayi");
    }

    @Test
    void findsByEmailAndPrefix() {
        finds("satis@sekerci");
        finds("seker");
    }

    @Test
    void doesNotFindUnrelatedWords() {
        assertThat(mvc.get().uri("/api/v1/companies").param("q", "tekstil " + tag).header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
    }
}
