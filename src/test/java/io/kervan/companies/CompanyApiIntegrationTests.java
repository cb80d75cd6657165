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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class CompanyApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser rep;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
    }

    MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    String createCompany(String name) {
        MvcTestResult result = post("{\"name\": \"" + name + "\"}");
        assertThat(result).hasStatus(201);
        return result.getResponse().getHeader("Location");
    }

    long countNamed(String name) {
        return jdbc.sql("select count(*) from companies where name = :name").param("name", name)
                .query(Long.class).single();
    }

    @Test
    void createsACompanyWithLocationAndETagAndNormalisedContactData() {
        MvcTestResult result = post("""
                {"name": "Şekerci Gıda A.Ş.", "sector": "Gıda", "website": "sekerci.com.tr",
                 "email": "Info@Sekerci.COM.tr", "phone": "0212 555 12 34", "city": "İstanbul",
                 "country": "Türkiye", "taxNumber": "123 456 7890", "tags": ["toptan", "gıda"]}""");
        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result.getResponse().getHeader("Location")).matches("/api/v1/companies/[0-9a-f-]{36}");
        assertThat(result).bodyJson().extractingPath("$.email").isEqualTo("info@sekerci.com.tr");
        assertThat(result).bodyJson().extractingPath("$.phone").isEqualTo("+902125551234");
        assertThat(result).bodyJson().extractingPath("$.website").isEqualTo("https://sekerci.com.tr");
        assertThat(result).bodyJson().extractingPath("$.taxNumber").isEqualTo("1234567890");
        assertThat(result).bodyJson().extractingPath("$.ownerId").isEqualTo(rep.id().toString());
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Şekerci Gıda A.Ş.");
    }

    @Test
    void getReturnsTheCompanyWithItsVersionAsETag() {
        String location = createCompany("Get Test " + UUID.randomUUID());
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer()))
                .hasStatusOk().hasHeader("ETag", "\"0\"").bodyJson().extractingPath("$.version").isEqualTo(0);
    }

    @Test
    void rejectsInvalidEmailAndPhoneWithFieldErrorsAndStoresNothing() {
        String name = "Invalid " + UUID.randomUUID();
        MvcTestResult result = post("{\"name\": \"" + name + "\", \"email\": \"not-an-email\", \"phone\": \"12\"}");
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("email", "phone");
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(post("{\"name\": ")).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void rejectsUnknownFields() {
        MvcTestResult result = post("{\"name\": \"X\", \"colour\": \"red\"}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
    }

    @Test
    void rejectsWrongTypes() {
        MvcTestResult result = post("{\"name\": \"X\", \"annualRevenue\": \"lots\"}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("annualRevenue");
        assertThat(post("{\"name\": \"X\", \"sizeBand\": \"HUGE\"}")).hasStatus(400);
        assertThat(post("{\"name\": [\"X\"]}")).hasStatus(400);
    }

    @Test
    void rejectsATenMegabyteNameWithoutStoringIt() {
        String huge = "a".repeat(10 * 1024 * 1024);
        MvcTestResult result = post("{\"name\": \"" + huge + "\"}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(jdbc.sql("select count(*) from companies where length(name) > 1000").query(Long.class).single()).isZero();
    }

    @Test
    void requiresAToken() {
        assertThat(mvc.get().uri("/api/v1/companies")).hasStatus(401).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(mvc.get().uri("/api/v1/companies").header("Authorization", "Bearer kvn_wrong")).hasStatus(401);
    }

    @Test
    void answers404ForAnUnknownIdAnd400ForAMalformedOne() {
        assertThat(mvc.get().uri("/api/v1/companies/" + UUID.randomUUID()).header("Authorization", rep.bearer()))
                .hasStatus(404).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(mvc.get().uri("/api/v1/companies/not-a-uuid").header("Authorization", rep.bearer())).hasStatus(400);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        String name = "Idempotent " + key;
        String body = "{\"name\": \"" + name + "\"}";
        MvcTestResult first = mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        MvcTestResult second = mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201);
        assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(countNamed(name)).isOne();
    }

    @Test
    void reusingAnIdempotencyKeyWithADifferentBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"First " + key + "\"}").exchange();
        MvcTestResult reuse = mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Second " + key + "\"}").exchange();
        assertThat(reuse).hasStatus(409).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(countNamed("Second " + key)).isZero();
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndNullClearsOne() {
        String location = createCompany("Patch " + UUID.randomUUID());
        mvc.patch().uri(location).header("Authorization", rep.bearer()).contentType("application/merge-patch+json")
                .content("{\"city\": \"Ankara\", \"sector\": \"Tekstil\"}").exchange();
        MvcTestResult result = mvc.patch().uri(location).header("Authorization", rep.bearer()).header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json").content("{\"sector\": null}").exchange();
        assertThat(result).hasStatusOk().hasHeader("ETag", "\"2\"");
        assertThat(result).bodyJson().extractingPath("$.city").isEqualTo("Ankara");
        assertThat(result).bodyJson().extractingPath("$.sector").isNull();
    }

    @Test
    void patchWithAStaleIfMatchIsRefusedWith412() {
        String location = createCompany("Stale " + UUID.randomUUID());
        mvc.patch().uri(location).header("Authorization", rep.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\": \"İzmir\"}").exchange();
        MvcTestResult stale = mvc.patch().uri(location).header("Authorization", rep.bearer()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\": \"Bursa\"}").exchange();
        assertThat(stale).hasStatus(412).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer())).bodyJson()
                .extractingPath("$.city").isEqualTo("İzmir");
    }

    @Test
    void patchWithAnInvalidPhoneChangesNothing() {
        String location = createCompany("Bad patch " + UUID.randomUUID());
        assertThat(mvc.patch().uri(location).header("Authorization", rep.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\": \"call me\", \"city\": \"Adana\"}")).hasStatus(400);
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer())).bodyJson()
                .extractingPath("$.version").isEqualTo(0);
    }

    @Test
    void deleteArchivesAndTheDefaultListLeavesArchivedOut() {
        String name = "Archive " + UUID.randomUUID();
        String location = createCompany(name);
        assertThat(mvc.delete().uri(location).header("Authorization", rep.bearer())).hasStatus(204);
        assertThat(mvc.get().uri("/api/v1/companies?q=" + name.substring(8)).header("Authorization", rep.bearer()))
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/companies?includeArchived=true&q=" + name.substring(8))
                .header("Authorization", rep.bearer())).bodyJson().extractingPath("$.items").asArray().hasSize(1);
        assertThat(mvc.get().uri(location).header("Authorization", rep.bearer())).bodyJson()
                .extractingPath("$.archived").isEqualTo(true);
    }

    @Test
    void upsertByExternalIdCreatesThenUpdates() {
        String externalId = "ERP-" + UUID.randomUUID();
        String uri = "/api/v1/companies/by-external-id/logo-erp/" + externalId;
        assertThat(mvc.put().uri(uri).header("Authorization", rep.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Upsert A.Ş.\", \"city\": \"Konya\"}")).hasStatus(201);
        MvcTestResult update = mvc.put().uri(uri).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Upsert A.Ş.\", \"city\": \"Kayseri\"}")
                .exchange();
        assertThat(update).hasStatusOk();
        assertThat(update).bodyJson().extractingPath("$.city").isEqualTo("Kayseri");
        assertThat(update).bodyJson().extractingPath("$.externalId").isEqualTo(externalId);
        assertThat(jdbc.sql("select count(*) from companies where external_id = :id").param("id", externalId)
                .query(Long.class).single()).isOne();
    }

    @Test
    void listsWithCursorPagingAndSortWithoutRepeatingRows() throws Exception {
        String prefix = "Paging" + UUID.randomUUID().toString().substring(0, 6);
        for (String suffix : new String[] {"Çınar", "Ceviz", "Dut", "Ihlamur", "İncir"}) {
            createCompany(prefix + " " + suffix);
        }
        MvcTestResult first = mvc.get().uri("/api/v1/companies?limit=3&sort=name&q=" + prefix)
                .header("Authorization", rep.bearer()).exchange();
        assertThat(first).bodyJson().extractingPath("$.items[*].name").asArray()
                .containsExactly(prefix + " Ceviz", prefix + " Çınar", prefix + " Dut");
        String cursor = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.nextCursor");
        assertThat(mvc.get().uri("/api/v1/companies?limit=3&sort=name&q=" + prefix + "&cursor=" + cursor)
                .header("Authorization", rep.bearer())).bodyJson().extractingPath("$.items[*].name").asArray()
                .containsExactly(prefix + " Ihlamur", prefix + " İncir");
        assertThat(mvc.get().uri("/api/v1/companies?sort=colour").header("Authorization", rep.bearer())).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/companies?limit=500").header("Authorization", rep.bearer())).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/companies?cursor=garbage!").header("Authorization", rep.bearer())).hasStatus(400);
    }

    @Test
    void everyChangeIsRecordedInTheAuditTrail() {
        String location = createCompany("Audited " + UUID.randomUUID());
        mvc.patch().uri(location).header("Authorization", rep.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\": \"Eskişehir\"}").exchange();
        mvc.delete().uri(location).header("Authorization", rep.bearer()).exchange();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select action from audit_events where record_type = 'company' and record_id = :id order by occurred_at""")
                .param("id", id).query(String.class).list()).containsExactly("CREATED", "UPDATED", "ARCHIVED"));
        String changes = jdbc.sql("select changes::text from audit_events where record_id = :id and action = 'UPDATED'")
                .param("id", id).query(String.class).single();
        assertThat(changes).contains("\"field\": \"city\"").contains("Eskişehir");
        assertThat(jdbc.sql("select actor_id from audit_events where record_id = :id and action = 'UPDATED'")
                .param("id", id).query(UUID.class).single()).isEqualTo(rep.id());
    }

    @Test
    void refusesControlCharactersInTextWithAFieldError() {
        MvcTestResult result = post("{\"name\": \"Nul\\u0000Name\", \"city\": \"Bell\\u0007\"}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("name", "city");
    }

    @Test
    void searchingForHostileTextIsHarmless() {
        createCompany("Hostile " + UUID.randomUUID());
        for (String query : new String[] {"\u0000", "'; drop table companies; --", "%_%", "\\", "ş".repeat(5000)}) {
            assertThat(mvc.get().uri("/api/v1/companies").param("q", query).header("Authorization", rep.bearer()))
                    .hasStatusOk();
        }
        assertThat(jdbc.sql("select count(*) from companies").query(Long.class).single()).isPositive();
    }

    @Test
    void refusesAMalformedIdempotencyKey() {
        assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .header("Idempotency-Key", "a".repeat(201)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Key\"}")).hasStatus(400);
    }

    @Test
    void refusesOversizedBodiesBeforeReadingThem() {
        MvcTestResult result = mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(new byte[17 * 1024 * 1024]).exchange();
        assertThat(result).hasStatus(413);
    }

    @Test
    void refusesAnUnsupportedMediaType() {
        assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .contentType(MediaType.TEXT_PLAIN).content("name=x")).hasStatus(415);
    }

    @Test
    void reusingAnIdempotencyKeyOnAnotherResourceIsAConflictNotAReplay() {
        String key = UUID.randomUUID().toString();
        assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Ortak\"}")).hasStatus(201);
        assertThat(mvc.post().uri("/api/v1/contacts").header("Authorization", rep.bearer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": \"Ortak\"}")).hasStatus(409);
    }
}
