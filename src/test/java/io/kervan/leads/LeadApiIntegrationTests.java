package io.kervan.leads;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
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

/** {@code /api/v1/leads}: shapes, validation, concurrency, idempotency, archive and upsert. */
@IntegrationTest
class LeadApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser rep;
    LeadApi api;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        api = new LeadApi(mvc);
    }

    long countByLastName(String lastName) {
        return jdbc.sql("select count(*) from leads where last_name = :n").param("n", lastName).query(Long.class).single();
    }

    @Test
    void createsALeadWithNormalisedContactDataAsNewAndOwnedByTheCaller() {
        MvcTestResult result = api.post(rep, "/api/v1/leads", """
                {"firstName": "Ayşe", "lastName": "Yıldız", "companyName": "Yıldız Tekstil", "title": "Satın alma",
                 "email": "Ayse@Yildiz.COM.tr", "phone": "0532 111 22 33", "source": "whatsapp"}""");
        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result.getResponse().getHeader("Location")).matches("/api/v1/leads/[0-9a-f-]{36}");
        assertThat(result).bodyJson().extractingPath("$.email").isEqualTo("ayse@yildiz.com.tr");
        assertThat(result).bodyJson().extractingPath("$.phone").isEqualTo("+905321112233");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("new");
        assertThat(result).bodyJson().extractingPath("$.source").isEqualTo("whatsapp");
        assertThat(result).bodyJson().extractingPath("$.ownerId").isEqualTo(rep.id().toString());
        assertThat(result).bodyJson().extractingPath("$.firstResponseAt").isNull();
        assertThat(result).bodyJson().extractingPath("$.convertedDealId").isNull();
    }

    @Test
    void rejectsABadEmailAndPhoneWithFieldErrorsAndStoresNothing() {
        String lastName = "Invalid" + UUID.randomUUID();
        MvcTestResult result = api.post(rep, "/api/v1/leads",
                "{\"lastName\": \"" + lastName + "\", \"email\": \"not-an-email\", \"phone\": \"12\"}");
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("email", "phone");
        assertThat(countByLastName(lastName)).isZero();
    }

    @Test
    void aDisqualifiedLeadNeedsAReason() {
        MvcTestResult result = api.post(rep, "/api/v1/leads", "{\"lastName\": \"Kaya\", \"status\": \"disqualified\"}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("disqualifiedReason");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("A disqualified lead needs a reason.");
        assertThat(api.post(rep, "/api/v1/leads",
                "{\"lastName\": \"Kaya\", \"status\": \"disqualified\", \"disqualifiedReason\": \"No budget\"}"))
                .hasStatus(201).bodyJson().extractingPath("$.disqualifiedReason").isEqualTo("No budget");
    }

    @Test
    void aLeadNeedsAPersonsNameOrACompanyName() {
        MvcTestResult result = api.post(rep, "/api/v1/leads", "{\"email\": \"someone@example.com\"}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("firstName");
        assertThat(api.post(rep, "/api/v1/leads", "{\"companyName\": \"Only A Company Ltd\"}")).hasStatus(201);
    }

    @Test
    void rejectsUnknownStatusSourceFieldsAndWrongTypes() {
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"X\", \"status\": \"won\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"X\", \"source\": \"carrier_pigeon\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"X\", \"colour\": \"red\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": [\"X\"]}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"X\", \"ownerId\": \"nope\"}")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"a\u0000b\"}".replace("\u0000", "\\u0000")))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lastName");
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": ")).hasStatus(400);
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"" + "x".repeat(101) + "\"}")).hasStatus(400);
    }

    @Test
    void listParametersThatMakeNoSenseAreFieldErrors() {
        assertThat(api.get(rep, "/api/v1/leads?sort=colour")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/leads?status=won")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/leads?limit=1000")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/leads?cursor=%%%")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/leads?ownerId=nope")).hasStatus(400);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String location = api.create(rep, "{\"lastName\": \"Etag\"}");
        assertThat(mvc.patch().uri(location).header("Authorization", rep.bearer()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"First\"}")).hasStatusOk()
                .hasHeader("ETag", "\"1\"");
        MvcTestResult stale = mvc.patch().uri(location).header("Authorization", rep.bearer()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Second\"}").exchange();
        assertThat(stale).hasStatus(412).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(api.get(rep, location)).bodyJson().extractingPath("$.title").isEqualTo("First");
    }

    @Test
    void aMergePatchChangesOnlyTheGivenFieldsAndNullRemovesOne() {
        String location = api.create(rep, "{\"firstName\": \"Can\", \"lastName\": \"Demir\", \"title\": \"CEO\"}");
        MvcTestResult result = api.patch(rep, location, "{\"title\": null, \"companyName\": \"Demir Ltd\"}");
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.companyName").isEqualTo("Demir Ltd");
        assertThat(result).bodyJson().extractingPath("$.title").isNull();
        assertThat(result).bodyJson().extractingPath("$.firstName").isEqualTo("Can");
        assertThat(api.patch(rep, location, "{\"convertedAt\": \"2026-01-01T00:00:00Z\"}")).hasStatus(400);
    }

    @Test
    void anIdempotencyKeyMakesARetriedCreateReturnTheFirstLead() {
        String key = "lead-" + UUID.randomUUID();
        String lastName = "Idem" + UUID.randomUUID();
        String body = "{\"lastName\": \"" + lastName + "\"}";
        MvcTestResult first = mvc.post().uri("/api/v1/leads").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        MvcTestResult again = mvc.post().uri("/api/v1/leads").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(first).hasStatus(201);
        assertThat(again).hasStatus(201);
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(countByLastName(lastName)).isEqualTo(1);
    }

    @Test
    void deleteArchivesTheLeadWhichThenLeavesTheListButCanStillBeRead() {
        String marker = "Arch" + UUID.randomUUID().toString().substring(0, 8);
        String location = api.create(rep, "{\"lastName\": \"" + marker + "\"}");
        assertThat(mvc.delete().uri(location).header("Authorization", rep.bearer())).hasStatus(204);
        assertThat(api.get(rep, location)).hasStatusOk().bodyJson().extractingPath("$.archived").isEqualTo(true);
        assertThat(api.get(rep, "/api/v1/leads?q=" + marker)).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(api.get(rep, "/api/v1/leads?includeArchived=true&q=" + marker)).bodyJson()
                .extractingPath("$.items").asArray().hasSize(1);
    }

    @Test
    void upsertByExternalIdCreatesOnceThenUpdates() {
        String externalId = "form-" + UUID.randomUUID();
        String uri = "/api/v1/leads/by-external-id/webform/" + externalId;
        MvcTestResult created = mvc.put().uri(uri).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"lastName\": \"Upsert\", \"source\": \"web_form\"}")
                .exchange();
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.externalId").isEqualTo(externalId);
        MvcTestResult updated = mvc.put().uri(uri).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"lastName\": \"Upserted\", \"source\": \"web_form\"}")
                .exchange();
        assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.lastName").isEqualTo("Upserted");
        assertThat(updated.getResponse().getHeader("Location")).isEqualTo(created.getResponse().getHeader("Location"));
        assertThat(mvc.put().uri("/api/v1/leads/by-external-id/bad source!/x").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"lastName\": \"X\"}")).hasStatus(400);
    }

    @Test
    void theListFiltersByStatusAndSourceAndPagesWithACursor() throws Exception {
        String marker = "Filt" + UUID.randomUUID().toString().substring(0, 8);
        api.create(rep, "{\"lastName\": \"" + marker + " A\", \"source\": \"referral\"}");
        api.qualify(rep, api.create(rep, "{\"lastName\": \"" + marker + " B\", \"source\": \"referral\"}"));
        api.create(rep, "{\"lastName\": \"" + marker + " C\", \"source\": \"event\"}");
        assertThat(api.get(rep, "/api/v1/leads?q=" + marker + "&status=qualified")).bodyJson()
                .extractingPath("$.items[*].lastName").asArray().containsExactly(marker + " B");
        MvcTestResult bySource = api.get(rep, "/api/v1/leads?q=" + marker + "&source=event");
        assertThat(bySource).bodyJson().extractingPath("$.items[*].lastName").asArray().containsExactly(marker + " C");
        assertThat(bySource).bodyJson().extractingPath("$.items[0]").asMap()
                .containsKeys("id", "status", "source", "createdAt", "firstResponseAt", "ownerId")
                .doesNotContainKeys("statusBadge", "displayName");
        MvcTestResult first = api.get(rep, "/api/v1/leads?q=" + marker + "&sort=name&limit=2");
        assertThat(first).bodyJson().extractingPath("$.items[*].lastName").asArray()
                .containsExactly(marker + " A", marker + " B");
        String cursor = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.nextCursor");
        assertThat(api.get(rep, "/api/v1/leads?q=" + marker + "&sort=name&limit=2&cursor=" + cursor)).bodyJson()
                .extractingPath("$.items[*].lastName").asArray().containsExactly(marker + " C");
    }

    @Test
    void everyoneReadsTheSeededLeadSourcesButOnlyAnAdminAddsOrRenamesThem() {
        assertThat(api.get(rep, "/api/v1/lead-sources")).hasStatusOk().bodyJson().extractingPath("$.items[*].key")
                .asArray().contains("web_form", "whatsapp", "phone", "email", "referral", "event", "advertising",
                        "import", "other");
        assertThat(api.post(rep, "/api/v1/lead-sources", "{\"key\": \"rep_source\", \"labelEn\": \"R\", \"labelTr\": \"R\"}"))
                .hasStatus(403);
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        String key = "fair_" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        MvcTestResult created = api.post(admin, "/api/v1/lead-sources",
                "{\"key\": \"" + key + "\", \"labelEn\": \"Trade fair\", \"labelTr\": \"Ticaret fuarı\"}");
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.labelTr").isEqualTo("Ticaret fuarı");
        assertThat(api.post(admin, "/api/v1/lead-sources",
                "{\"key\": \"" + key + "\", \"labelEn\": \"Again\", \"labelTr\": \"Yine\"}")).hasStatus(409);
        assertThat(api.post(admin, "/api/v1/lead-sources", "{\"key\": \"Bad Key\", \"labelEn\": \"x\", \"labelTr\": \"y\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("key");
        String location = created.getResponse().getHeader("Location");
        assertThat(api.get(rep, location)).hasStatusOk().hasHeader("ETag", "\"0\"");
        assertThat(api.get(rep, "/api/v1/lead-sources/" + UUID.randomUUID())).hasStatus(404);
        assertThat(api.patch(rep, location, "{\"active\": false}")).hasStatus(403);
        assertThat(api.patch(admin, location, "{\"active\": false}")).hasStatusOk()
                .bodyJson().extractingPath("$.active").isEqualTo(false);
        assertThat(api.get(rep, "/api/v1/lead-sources")).bodyJson().extractingPath("$.items[*].key").asArray()
                .doesNotContain(key);
        assertThat(api.post(rep, "/api/v1/leads", "{\"lastName\": \"X\", \"source\": \"" + key + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");
    }

    @Test
    void theApiDocumentationListsTheLeadEndpoints() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("/api/v1/leads/{id}/conversion")
                .contains("/api/v1/lead-sources");
    }
}
