package io.kervan.leads;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Lead search: Turkish-folded names and company names, e-mail, and phones in any common form. */
@IntegrationTest
class LeadSearchIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    LeadApi api;
    TestUsers.TestUser rep;
    String unique;
    String phoneDigits;

    @BeforeEach
    void aLead() {
        api = new LeadApi(mvc);
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        unique = letters.toString();
        phoneDigits = String.valueOf(1_000_000 + (long) (Math.random() * 8_999_999));
        api.create(rep, """
                {"firstName": "İsmail", "lastName": "Şahinoğlu%s", "companyName": "Çiçek Işık Ltd %s",
                 "email": "ismail.%s@example.com", "phone": "0555 %s"}""".formatted(unique, unique, unique, phoneDigits));
    }

    void finds(String query) {
        assertThat(mvc.get().uri("/api/v1/leads").param("q", query).header("Authorization", rep.bearer()))
                .as(query).hasStatusOk().bodyJson().extractingPath("$.items[*].lastName").asArray()
                .containsExactly("Şahinoğlu" + unique);
    }

    @Test
    void findsALeadByItsFoldedNameWhateverTheCaseAndAccents() {
        finds("sahinoglu" + unique);
        finds("ŞAHİNOĞLU" + unique);
        finds("ismail sahinoglu" + unique);
    }

    @Test
    void findsALeadByCompanyNameAndEmail() {
        finds("cicek isik ltd " + unique);
        finds("ismail." + unique + "@example.com");
    }

    @Test
    void findsALeadByPhoneInNationalAndInternationalForm() {
        finds("0555 " + phoneDigits);
        finds("+90555" + phoneDigits);
        finds("555" + phoneDigits);
    }
}
