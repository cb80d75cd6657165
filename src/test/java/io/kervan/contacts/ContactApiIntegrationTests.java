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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ContactApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ContactFixtures fixtures;
    ContactFixtures.User rep;

    @BeforeEach
    void createRep() {
        fixtures = new ContactFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
    }

    long contactsNamed(String firstName) {
        return jdbc.sql("select count(*) from contacts where first_name = :name").param("name", firstName)
                .query(Long.class).single();
    }

    MvcTestResult get(String uri) {
        return mvc.get().uri(uri).header("Authorization", rep.bearer()).exchange();
    }

    MvcTestResult patch(UUID id, String ifMatch, String json) {
        return mvc.patch().uri("/api/v1/contacts/" + id).header("Authorization", rep.bearer())
                .header("If-Match", ifMatch).contentType("application/merge-patch+json").content(json).exchange();
    }

    @Test
    void createsAContactWithTwoEmailsTwoPhonesAndTwoCompaniesTheFirstBecomingPrimary() {
        UUID acme = fixtures.company(rep, "Acme " + ContactFixtures.token());
        UUID beta = fixtures.company(rep, "Beta " + ContactFixtures.token());
        MvcTestResult result = fixtures.postContact(rep, """
                {"firstName": "Ayşe", "lastName": "Yılmaz", "title": "Satın alma müdürü",
                 "emails": ["Ayse.Yilmaz@Acme.COM.tr", "ayse@example.com"],
                 "phones": ["0532 123 45 67", "+90 212 555 12 34"],
                 "companies": [{"companyId": "%s", "role": "Satın alma"}, {"companyId": "%s", "role": "Danışman"}],
                 "city": "İzmir", "tags": ["vip"]}""".formatted(acme, beta));

        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result.getResponse().getHeader("Location")).matches("/api/v1/contacts/[0-9a-f-]{36}");
        assertThat(result).bodyJson().extractingPath("$.firstName").isEqualTo("Ayşe");
        assertThat(result).bodyJson().extractingPath("$.emails").asArray()
                .containsExactly("ayse.yilmaz@acme.com.tr", "ayse@example.com");
        assertThat(result).bodyJson().extractingPath("$.phones").asArray()
                .containsExactly("+905321234567", "+902125551234");
        assertThat(result).bodyJson().extractingPath("$.companies[0].companyId").isEqualTo(acme.toString());
        assertThat(result).bodyJson().extractingPath("$.companies[0].primary").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.companies[1].primary").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.companies[1].companyName").asString().startsWith("Beta ");
        assertThat(result).bodyJson().extractingPath("$.ownerId").isEqualTo(rep.id().toString());
    }

    @Test
    void rejectsAnInvalidSecondEmailAndAnUnparseablePhoneAndStoresNothing() {
        String name = "Invalid " + ContactFixtures.token();
        MvcTestResult result = fixtures.postContact(rep, """
                {"firstName": "%s", "emails": ["ok@example.com", "not-an-email"], "phones": ["12"]}""".formatted(name));

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("emails[1]", "phones[0]");
        assertThat(contactsNamed(name)).isZero();
    }

    @Test
    void rejectsALinkToACompanyTheUserMayNotSee() {
        ContactFixtures.User other = fixtures.user(Role.SALES_REP);
        UUID hidden = fixtures.company(other, "Hidden " + ContactFixtures.token());
        String name = "Linker " + ContactFixtures.token();
        MvcTestResult result = fixtures.postContact(rep, """
                {"firstName": "%s", "companies": [{"companyId": "%s"}]}""".formatted(name, hidden));

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companies[0].companyId");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("company");
        assertThat(contactsNamed(name)).isZero();
    }

    @Test
    void rejectsTwoPrimaryCompaniesAndTheSameCompanyTwice() {
        UUID one = fixtures.company(rep, "One " + ContactFixtures.token());
        UUID two = fixtures.company(rep, "Two " + ContactFixtures.token());
        MvcTestResult twoPrimaries = fixtures.postContact(rep, """
                {"firstName": "Twice", "companies": [{"companyId": "%s", "primary": true},
                                                     {"companyId": "%s", "primary": true}]}""".formatted(one, two));
        MvcTestResult sameTwice = fixtures.postContact(rep, """
                {"firstName": "Twice", "companies": [{"companyId": "%s"}, {"companyId": "%s"}]}""".formatted(one, one));

        assertThat(twoPrimaries).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companies");
        assertThat(sameTwice).hasStatus(400).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("companies[1].companyId");
    }

    @Test
    void refusesMoreThanTenEmails() {
        String emails = String.join(",", java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> "\"p" + i + "@example.com\"").toList());
        MvcTestResult result = fixtures.postContact(rep, "{\"firstName\": \"Many\", \"emails\": [" + emails + "]}");
        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("emails");
    }

    @Test
    void keepsALinkToACompanyTheEditorCanNoLongerSeeButDoesNotNameIt() {
        UUID team = fixtures.team();
        ContactFixtures.User owner = fixtures.user(Role.SALES_REP, team);
        ContactFixtures.User teammate = fixtures.user(Role.SALES_REP, team);
        UUID company = fixtures.company(teammate, "Takım " + ContactFixtures.token());
        UUID id = fixtures.contact(owner, "{\"firstName\": \"Bağlı\", \"companies\": [{\"companyId\": \"%s\"}]}"
                .formatted(company));
        assertThat(mvc.patch().uri("/api/v1/companies/" + company).header("Authorization", teammate.bearer())
                .contentType("application/merge-patch+json").content("{\"visibleToTeam\": false}")).hasStatusOk();

        MvcTestResult result = mvc.patch().uri("/api/v1/contacts/" + id).header("Authorization", owner.bearer())
                .contentType("application/merge-patch+json").content("{\"title\": \"Yeni\"}").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.companies[0].companyId").isEqualTo(company.toString());
        assertThat(result).bodyJson().extractingPath("$.companies[0].companyName").isNull();
    }

    @Test
    void getReturnsTheContactWithItsVersionAsETagAndHidesItFromOtherReps() {
        UUID id = fixtures.contact(rep, "{\"firstName\": \"Visible\", \"visibleToTeam\": false}");
        ContactFixtures.User stranger = fixtures.user(Role.SALES_REP);

        assertThat(get("/api/v1/contacts/" + id)).hasStatusOk().hasHeader("ETag", "\"0\"");
        assertThat(mvc.get().uri("/api/v1/contacts/" + id).header("Authorization", stranger.bearer())).hasStatus(404);
    }

    @Test
    void mergePatchChangesOnlyTheTitle() {
        UUID company = fixtures.company(rep, "Patch " + ContactFixtures.token());
        UUID id = fixtures.contact(rep, """
                {"firstName": "Mehmet", "lastName": "Öztürk", "title": "Uzman", "emails": ["m@example.com"],
                 "phones": ["0532 765 43 21"], "companies": [{"companyId": "%s", "role": "Alıcı"}]}""".formatted(company));

        List<String> children = childRows(id);

        MvcTestResult result = patch(id, "\"0\"", "{\"title\": \"Müdür\"}");

        assertThat(childRows(id)).as("unchanged e-mails, phones and links are not rewritten").isEqualTo(children);
        assertThat(result).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Müdür");
        assertThat(result).bodyJson().extractingPath("$.lastName").isEqualTo("Öztürk");
        assertThat(result).bodyJson().extractingPath("$.emails").asArray().containsExactly("m@example.com");
        assertThat(result).bodyJson().extractingPath("$.phones").asArray().containsExactly("+905327654321");
        assertThat(result).bodyJson().extractingPath("$.companies[0].role").isEqualTo("Alıcı");
        assertThat(result).bodyJson().extractingPath("$.companies[0].primary").isEqualTo(true);
    }

    /** Where each of the contact's e-mail, phone and link rows is stored: a rewritten row moves. */
    List<String> childRows(UUID id) {
        return jdbc.sql("""
                select 'e' || ctid::text from contact_emails where contact_id = :id
                union all select 'p' || ctid::text from contact_phones where contact_id = :id
                union all select 'c' || ctid::text from contact_companies where contact_id = :id
                order by 1""").param("id", id).query(String.class).list();
    }

    @Test
    void aPatchRewritesTheChildrenItChangesAndOnlyThose() {
        UUID first = fixtures.company(rep, "Birinci " + ContactFixtures.token());
        UUID second = fixtures.company(rep, "İkinci " + ContactFixtures.token());
        UUID id = fixtures.contact(rep, """
                {"firstName": "Zeynep", "emails": ["z@example.com"], "phones": ["0532 765 43 21"],
                 "companies": [{"companyId": "%s", "role": "Alıcı"}]}""".formatted(first));
        String phoneRow = jdbc.sql("select ctid::text from contact_phones where contact_id = :id").param("id", id)
                .query(String.class).single();

        MvcTestResult result = patch(id, "\"0\"", """
                {"emails": ["zeynep@example.com", "z@example.com"],
                 "companies": [{"companyId": "%s", "role": "Karar verici"}, {"companyId": "%s", "primary": true}]}"""
                .formatted(first, second));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.emails").asArray()
                .containsExactly("zeynep@example.com", "z@example.com");
        assertThat(result).bodyJson().extractingPath("$.companies[*].role").asArray()
                .containsExactly("Karar verici", null);
        assertThat(result).bodyJson().extractingPath("$.companies[*].primary").asArray().containsExactly(false, true);
        assertThat(jdbc.sql("select ctid::text from contact_phones where contact_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(phoneRow);
        assertThat(get("/api/v1/contacts?q=zeynep@example")).bodyJson().extractingPath("$.items[*].id").asArray()
                .containsExactly(id.toString());
    }

    @Test
    void refusesAPatchWithAStaleIfMatch() {
        UUID id = fixtures.contact(rep, "{\"firstName\": \"Stale\", \"title\": \"Eski\"}");
        assertThat(patch(id, "\"0\"", "{\"title\": \"Yeni\"}")).hasStatusOk();

        assertThat(patch(id, "\"0\"", "{\"title\": \"Daha yeni\"}")).hasStatus(412);
        assertThat(get("/api/v1/contacts/" + id)).bodyJson().extractingPath("$.title").isEqualTo("Yeni");
    }

    @Test
    void deleteArchivesAndTheDefaultListLeavesTheContactOut() {
        String token = ContactFixtures.token();
        UUID id = fixtures.contact(rep, "{\"firstName\": \"Archived\", \"lastName\": \"" + token + "\"}");

        assertThat(mvc.delete().uri("/api/v1/contacts/" + id).header("Authorization", rep.bearer())).hasStatus(204);

        assertThat(get("/api/v1/contacts/" + id)).bodyJson().extractingPath("$.archived").isEqualTo(true);
        assertThat(get("/api/v1/contacts?q=" + token)).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(get("/api/v1/contacts?includeArchived=true&q=" + token)).bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(id.toString());
    }

    @Test
    void upsertByExternalIdCreatesThenUpdates() {
        String externalId = "C-" + ContactFixtures.token();
        String uri = "/api/v1/contacts/by-external-id/erp/" + externalId;
        MvcTestResult created = mvc.put().uri(uri).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"Harici\", \"title\": \"A\"}")
                .exchange();
        MvcTestResult updated = mvc.put().uri(uri).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"Harici\", \"title\": \"B\"}")
                .exchange();

        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.externalId").isEqualTo(externalId);
        assertThat(updated).hasStatus(200).bodyJson().extractingPath("$.title").isEqualTo("B");
        assertThat(updated.getResponse().getHeader("Location")).isEqualTo(created.getResponse().getHeader("Location"));
        assertThat(jdbc.sql("select count(*) from contacts where external_id = :id").param("id", externalId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstContact() {
        String name = "Idem " + ContactFixtures.token();
        String json = "{\"firstName\": \"" + name + "\"}";
        String key = UUID.randomUUID().toString();
        MvcTestResult first = mvc.post().uri("/api/v1/contacts").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        MvcTestResult second = mvc.post().uri("/api/v1/contacts").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(json).exchange();

        assertThat(first).hasStatus(201);
        assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(contactsNamed(name)).isEqualTo(1);
    }

    @Test
    void listsContactsOfACompanyWithPrimaryEmailPhoneAndCompany() {
        String token = ContactFixtures.token();
        UUID company = fixtures.company(rep, "Liste " + token);
        UUID linked = fixtures.contact(rep, """
                {"firstName": "Linked", "lastName": "%s", "emails": ["first@example.com", "second@example.com"],
                 "phones": ["0532 111 22 33"], "companies": [{"companyId": "%s"}]}""".formatted(token, company));
        fixtures.contact(rep, "{\"firstName\": \"Unlinked\", \"lastName\": \"" + token + "\"}");

        MvcTestResult result = get("/api/v1/contacts?companyId=" + company);

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.items[*].id").asArray()
                .containsExactly(linked.toString());
        assertThat(result).bodyJson().extractingPath("$.items[0].email").isEqualTo("first@example.com");
        assertThat(result).bodyJson().extractingPath("$.items[0].phone").isEqualTo("+905321112233");
        assertThat(result).bodyJson().extractingPath("$.items[0].companyName").isEqualTo("Liste " + token);
    }

    @Test
    void pagesThroughContactsSortedByNameWithACursor() throws Exception {
        String token = ContactFixtures.token();
        for (String first : List.of("Can", "Çağla", "Deniz")) {
            fixtures.contact(rep, "{\"firstName\": \"" + first + "\", \"lastName\": \"" + token + "\"}");
        }
        MvcTestResult page1 = get("/api/v1/contacts?limit=2&sort=name&q=" + token);
        assertThat(page1).bodyJson().extractingPath("$.items[*].firstName").asArray().containsExactly("Can", "Çağla");
        String cursor = com.jayway.jsonpath.JsonPath.read(page1.getResponse().getContentAsString(), "$.nextCursor");

        assertThat(get("/api/v1/contacts?limit=2&sort=name&q=" + token + "&cursor=" + cursor)).bodyJson()
                .extractingPath("$.items[*].firstName").asArray().containsExactly("Deniz");
        assertThat(get("/api/v1/contacts?sort=colour")).hasStatus(400);
    }

    @Test
    void recordsTheCreationWithReadableFieldChangesInTheHistory() {
        UUID company = fixtures.company(rep, "Tarih " + ContactFixtures.token());
        UUID id = fixtures.contact(rep, """
                {"firstName": "Tarih", "phones": ["0532 123 45 67"],
                 "companies": [{"companyId": "%s", "role": "CEO"}]}""".formatted(company));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                select changes::text from audit_events where record_type = 'contact' and record_id = :id
                   and action = 'CREATED'""").param("id", id).query(String.class).list())
                .singleElement().asString().contains("+90 532 123 45 67").contains("Tarih").contains("CEO ★"));
    }
}
