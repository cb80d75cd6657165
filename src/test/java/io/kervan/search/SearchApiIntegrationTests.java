package io.kervan.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class SearchApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    TestUsers users;
    TestUsers.TestUser rep;

    @BeforeEach
    void createRep() {
        users = new TestUsers(context);
        rep = users.create(Role.SALES_REP, null);
    }

    /** Eight random letters: a word no other test's record contains, and long enough to be typo-corrected. */
    static String token() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return token.toString();
    }

    String create(TestUsers.TestUser owner, String resource, String json) {
        MvcTestResult result = mvc.post().uri("/api/v1/" + resource).header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    MvcTestResult search(TestUsers.TestUser user, String query, String limit) {
        var request = mvc.get().uri("/api/v1/search").header("Authorization", user.bearer());
        if (query != null) {
            request = request.param("q", query);
        }
        if (limit != null) {
            request = request.param("limit", limit);
        }
        return request.exchange();
    }

    String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> ids(TestUsers.TestUser user, String query, String type) {
        MvcTestResult result = search(user, query, null);
        assertThat(result).hasStatusOk();
        return JsonPath.read(body(result), "$.results[?(@.type == '" + type + "')].items[*].id");
    }

    @Test
    void findsEveryRecordTypeWithOneQueryInTheirFixedOrder() {
        String word = token();
        String contact = create(rep, "contacts", "{\"firstName\": \"Nilüfer\", \"lastName\": \"Şekerci" + word + "\"}");
        String company = create(rep, "companies", "{\"name\": \"Şekerci" + word + " Gıda A.Ş.\", \"city\": \"İzmir\"}");
        String lead = create(rep, "leads", "{\"lastName\": \"Kaya\", \"companyName\": \"ŞEKERCİ" + word + " Ltd\"}");
        String deal = create(rep, "deals", "{\"title\": \"Şekerci" + word + " yıllık sözleşme\", \"value\": 12500}");

        MvcTestResult result = search(rep, "sekerci" + word.toUpperCase(java.util.Locale.ROOT), null);

        assertThat(result).hasStatusOk();
        String json = body(result);
        assertThat(JsonPath.<List<String>>read(json, "$.results[*].type"))
                .containsExactly("contacts", "companies", "leads", "deals");
        assertThat(JsonPath.<List<String>>read(json, "$.results[0].items[*].id")).containsExactly(contact);
        assertThat(JsonPath.<List<String>>read(json, "$.results[1].items[*].id")).containsExactly(company);
        assertThat(JsonPath.<List<String>>read(json, "$.results[2].items[*].id")).containsExactly(lead);
        assertThat(JsonPath.<List<String>>read(json, "$.results[3].items[*].id")).containsExactly(deal);
        assertThat(JsonPath.<String>read(json, "$.results[0].items[0].title")).isEqualTo("Nilüfer Şekerci" + word);
        assertThat(JsonPath.<String>read(json, "$.results[0].items[0].href")).isEqualTo("/api/v1/contacts/" + contact);
        assertThat(JsonPath.<String>read(json, "$.results[0].items[0].page")).isEqualTo("/contacts/" + contact);
        assertThat(JsonPath.<String>read(json, "$.results[2].items[0].status")).isEqualTo("new");
        assertThat(JsonPath.<String>read(json, "$.results[3].items[0].currency")).isNotBlank();
        assertThat(JsonPath.<Boolean>read(json, "$.results[0].more")).isFalse();
    }

    @Test
    void findsAWordTypedWithOneLetterWrong() {
        String word = token();
        String contact = create(rep, "contacts", "{\"firstName\": \"Typo\", \"lastName\": \"" + word + "\"}");
        char wrong = word.charAt(3) == 'x' ? 'y' : 'x';
        String typo = word.substring(0, 3) + wrong + word.substring(4);

        assertThat(ids(rep, typo, "contacts")).containsExactly(contact);
    }

    @Test
    void showsOnlyWhatTheListsWouldShowTheUser() {
        String word = token();
        TestUsers.TestUser other = users.create(Role.SALES_REP, null);
        String own = create(rep, "contacts", "{\"firstName\": \"Own\", \"lastName\": \"" + word + "\"}");
        String hidden = create(other, "contacts", "{\"firstName\": \"Hidden\", \"lastName\": \"" + word + "\"}");
        String hiddenDeal = create(other, "deals", "{\"title\": \"Deal " + word + "\"}");
        TestUsers.TestUser admin = users.create(Role.ADMIN, null);

        assertThat(ids(rep, word, "contacts")).containsExactly(own);
        assertThat(ids(rep, word, "deals")).isEmpty();
        assertThat(ids(admin, word, "contacts")).containsExactlyInAnyOrder(own, hidden);
        assertThat(ids(admin, word, "deals")).containsExactly(hiddenDeal);
    }

    @Test
    void givesAFewHitsPerTypeAndSaysWhenThereAreMore() {
        String word = token();
        for (String first : List.of("Ali", "Banu", "Cem")) {
            create(rep, "contacts", "{\"firstName\": \"" + first + "\", \"lastName\": \"" + word + "\"}");
        }

        String json = body(search(rep, word, "2"));

        assertThat(JsonPath.<List<String>>read(json, "$.results[0].items[*].title"))
                .containsExactly("Cem " + word, "Banu " + word);
        assertThat(JsonPath.<String>read(body(search(rep, "Ö+& " + word, null)), "$.results[0].list"))
                .isEqualTo("/api/v1/contacts?q=%C3%96%2B%26%20" + word + "&sort=-updatedAt");
        assertThat(JsonPath.<Boolean>read(json, "$.results[0].more")).isTrue();
        assertThat(JsonPath.<String>read(json, "$.results[0].list"))
                .isEqualTo("/api/v1/contacts?q=" + word + "&sort=-updatedAt");
        assertThat(JsonPath.<Boolean>read(json, "$.results[1].more")).isFalse();
    }

    @Test
    void listsTheMostRecentlyUpdatedFirstAndTheListLinkContinuesInThatOrder() {
        String word = token();
        String older = create(rep, "contacts", "{\"firstName\": \"Ayşe\", \"lastName\": \"" + word + "\"}");
        String newer = create(rep, "contacts", "{\"firstName\": \"Zeki\", \"lastName\": \"" + word + "\"}");
        assertThat(ids(rep, word, "contacts")).containsExactly(newer, older);

        assertThat(mvc.patch().uri("/api/v1/contacts/" + older).header("Authorization", rep.bearer())
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json").content("{\"city\": \"Rize\"}")
                .exchange()).hasStatusOk();

        assertThat(ids(rep, word, "contacts")).containsExactly(older, newer);
        String list = JsonPath.read(body(search(rep, word, "1")), "$.results[0].list");
        String page = body(mvc.get().uri(list).header("Authorization", rep.bearer()).exchange());
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].id")).containsExactly(older, newer);
    }

    @Test
    void rejectsAMissingQueryAndALimitOutOfRange() {
        assertThat(search(rep, null, null)).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(search(rep, "   ", null)).hasStatus(400);
        assertThat(search(rep, "x".repeat(201), null)).hasStatus(400);
        assertThat(search(rep, "kaya", "21")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("limit");
        assertThat(search(rep, "kaya", "0")).hasStatus(400);
        assertThat(search(rep, "kaya", "many")).hasStatus(400);
    }

    @Test
    void treatsHostileTextAsPlainText() {
        String word = token();
        create(rep, "contacts", "{\"firstName\": \"Safe\", \"lastName\": \"" + word + "\"}");

        for (String hostile : List.of("%", "_", "\\", "' or 1=1 --", "<script>alert(1)</script>", "%" + word + "%")) {
            assertThat(search(rep, hostile, null)).as(hostile).hasStatusOk();
        }
        assertThat(ids(rep, "%_" + word, "contacts")).hasSize(1);
    }

    @Test
    void needsSigningIn() {
        assertThat(mvc.get().uri("/api/v1/search").param("q", "kaya").exchange()).hasStatus(401);
    }
}
