package io.kervan.leads;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** {@code POST /api/v1/leads/{id}/conversion} and the conversion page: rules and atomicity. */
@IntegrationTest
class LeadConversionIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser rep;
    LeadApi api;
    String unique;

    @BeforeEach
    void signIn() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        api = new LeadApi(mvc);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    MvcTestResult convert(String leadLocation, String json) {
        return api.post(rep, leadLocation + "/conversion", json);
    }

    long companiesNamed(String name) {
        return jdbc.sql("select count(*) from companies where name = :n").param("n", name).query(Long.class).single();
    }

    long contactsNamed(String firstName) {
        return jdbc.sql("select count(*) from contacts where first_name = :n").param("n", firstName)
                .query(Long.class).single();
    }

    String createCompany(TestUsers.TestUser owner, String name, boolean visibleToTeam) {
        MvcTestResult result = api.post(owner, "/api/v1/companies",
                "{\"name\": \"" + name + "\", \"visibleToTeam\": " + visibleToTeam + "}");
        assertThat(result).hasStatus(201);
        return LeadApi.id(result.getResponse().getHeader("Location"));
    }

    @Test
    void aQualifiedLeadBecomesAContactAndANewCompanyAndKeepsLinksToThem() {
        String company = "Yeni Firma " + unique;
        String lead = api.qualify(rep, api.create(rep, """
                {"firstName": "Deniz%s", "lastName": "Aksoy", "companyName": "%s", "title": "Müdür",
                 "email": "deniz.%s@example.com", "phone": "0533 222 33 44"}""".formatted(unique, company, unique)));
        MvcTestResult result = convert(lead, "{\"createCompany\": true}");
        assertThat(result).hasStatusOk();
        String contactId = com.jayway.jsonpath.JsonPath.read(body(result), "$.contactId");
        String companyId = com.jayway.jsonpath.JsonPath.read(body(result), "$.companyId");
        assertThat(result).bodyJson().extractingPath("$.dealId").isNull();
        assertThat(api.get(rep, "/api/v1/contacts/" + contactId)).hasStatusOk().bodyJson()
                .extractingPath("$.emails[0]").isEqualTo("deniz." + unique + "@example.com");
        assertThat(api.get(rep, "/api/v1/contacts/" + contactId)).bodyJson()
                .extractingPath("$.companies[0].companyId").isEqualTo(companyId);
        assertThat(api.get(rep, "/api/v1/contacts/" + contactId)).bodyJson()
                .extractingPath("$.ownerId").isEqualTo(rep.id().toString());
        assertThat(api.get(rep, "/api/v1/companies/" + companyId)).hasStatusOk().bodyJson()
                .extractingPath("$.name").isEqualTo(company);
        MvcTestResult after = api.get(rep, lead);
        assertThat(after).bodyJson().extractingPath("$.convertedContactId").isEqualTo(contactId);
        assertThat(after).bodyJson().extractingPath("$.convertedCompanyId").isEqualTo(companyId);
        assertThat(after).bodyJson().extractingPath("$.convertedAt").isNotNull();
    }

    @Test
    void aConversionCanLinkAnExistingVisibleCompanyInsteadOfMakingOne() {
        String company = "Mevcut Firma " + unique;
        String companyId = createCompany(rep, company, true);
        String lead = api.qualify(rep, api.create(rep,
                "{\"firstName\": \"Ece" + unique + "\", \"companyName\": \"" + company + "\"}"));
        assertThat(api.get(rep, lead + "/company-matches")).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().contains(companyId);
        MvcTestResult result = convert(lead, "{\"companyId\": \"" + companyId + "\"}");
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.companyId").isEqualTo(companyId);
        assertThat(api.get(rep, lead + "/company-matches")).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(companiesNamed(company)).isEqualTo(1);
    }

    @Test
    void aCompanyTheUserCannotSeeIsRefusedAndNothingIsCreated() {
        TestUsers.TestUser stranger = new TestUsers(context).create(Role.SALES_REP, null);
        String hidden = createCompany(stranger, "Gizli Firma " + unique, false);
        String firstName = "Gizem" + unique;
        String lead = api.qualify(rep, api.create(rep, "{\"firstName\": \"" + firstName + "\"}"));
        MvcTestResult result = convert(lead, "{\"companyId\": \"" + hidden + "\"}");
        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyId");
        assertThat(contactsNamed(firstName)).isZero();
        assertThat(api.get(rep, lead)).bodyJson().extractingPath("$.convertedAt").isNull();
    }

    @Test
    void onlyAQualifiedLeadCanBeConverted() {
        String firstName = "Nitelik" + unique;
        String lead = api.create(rep, "{\"firstName\": \"" + firstName + "\", \"status\": \"contacted\"}");
        MvcTestResult result = convert(lead, "{}");
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        assertThat(contactsNamed(firstName)).isZero();
    }

    @Test
    void aSecondConversionIsAConflict() {
        String firstName = "Iki" + unique;
        String lead = api.qualify(rep, api.create(rep, "{\"firstName\": \"" + firstName + "\"}"));
        assertThat(convert(lead, "{}")).hasStatusOk();
        assertThat(convert(lead, "{}")).hasStatus(409).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(contactsNamed(firstName)).isEqualTo(1);
        assertThat(api.patch(rep, lead, "{\"status\": \"new\"}")).hasStatus(409);
    }

    @Test
    void twoConversionsAtTheSameTimeMakeOneContactAndOneConflict() throws Exception {
        String firstName = "Yaris" + unique;
        String company = "Yarış Firma " + unique;
        String lead = api.qualify(rep, api.create(rep,
                "{\"firstName\": \"" + firstName + "\", \"companyName\": \"" + company + "\"}"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<Integer> conversion = () -> {
            start.await();
            return convert(lead, "{\"createCompany\": true}").getResponse().getStatus();
        };
        java.util.concurrent.Future<Integer> first = pool.submit(conversion);
        java.util.concurrent.Future<Integer> second = pool.submit(conversion);
        start.countDown();
        java.util.List<Integer> statuses = java.util.List.of(first.get(30, java.util.concurrent.TimeUnit.SECONDS),
                second.get(30, java.util.concurrent.TimeUnit.SECONDS));
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(contactsNamed(firstName)).isEqualTo(1);
        assertThat(companiesNamed(company)).isEqualTo(1);
    }

    @Test
    void aFailureHalfWayLeavesNoContactNorCompanyAndTheLeadUnchanged() {
        // The company is made first; the contact then fails because a lead without a person's name
        // cannot become a contact. The company must disappear with the rolled-back transaction.
        String company = "Yarım Kalan " + unique;
        String lead = api.qualify(rep, api.create(rep, "{\"companyName\": \"" + company + "\"}"));
        MvcTestResult before = api.get(rep, lead);
        MvcTestResult result = convert(lead, "{\"createCompany\": true}");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("firstName");
        assertThat(companiesNamed(company)).isZero();
        assertThat(jdbc.sql("select count(*) from contact_companies cc join companies c on c.id = cc.company_id"
                + " where c.name = :n").param("n", company).query(Long.class).single()).isZero();
        MvcTestResult after = api.get(rep, lead);
        assertThat(after).hasHeader("ETag", before.getResponse().getHeader("ETag"));
        assertThat(after).bodyJson().extractingPath("$.convertedAt").isNull();
        assertThat(after).bodyJson().extractingPath("$.convertedCompanyId").isNull();
        assertThat(after).bodyJson().extractingPath("$.status").isEqualTo("qualified");
    }

    /** The seeded "New business" pipeline (V0020) and its first stage. */
    static final String PIPELINE = "01900000-0000-7000-8000-000000000001";
    static final String FIRST_STAGE = "01900000-0000-7000-8000-000000000011";

    @Test
    void aConversionWithAPipelineOpensADealForTheNewContactAndCompany() throws Exception {
        String company = "Fırsatlı Firma " + unique;
        String lead = api.qualify(rep, api.create(rep, """
                {"firstName": "Ece", "lastName": "Kurt", "companyName": "%s", "source": "referral"}"""
                .formatted(company)));
        MvcTestResult result = convert(lead, "{\"createCompany\": true, \"pipelineId\": \"" + PIPELINE + "\"}");
        assertThat(result).hasStatusOk();
        String dealId = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8), "$.dealId");
        String companyId = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8), "$.companyId");
        MvcTestResult deal = api.get(rep, "/api/v1/deals/" + dealId);
        assertThat(deal).hasStatusOk().bodyJson().extractingPath("$.title").isEqualTo(company);
        assertThat(deal).bodyJson().extractingPath("$.stageId").isEqualTo(FIRST_STAGE);
        assertThat(deal).bodyJson().extractingPath("$.companyId").isEqualTo(companyId);
        assertThat(deal).bodyJson().extractingPath("$.ownerId").isEqualTo(rep.id().toString());
        assertThat(api.get(rep, lead)).bodyJson().extractingPath("$.convertedDealId").isEqualTo(dealId);
    }

    @Test
    void anUnknownPipelineRollsTheWholeConversionBackAndBadInputIsAFieldError() {
        String firstName = "Hat" + unique;
        String company = "Hatlı " + unique;
        String lead = api.qualify(rep, api.create(rep, """
                {"firstName": "%s", "companyName": "%s"}""".formatted(firstName, company)));
        assertThat(convert(lead, "{\"createCompany\": true, \"pipelineId\": \"" + UUID.randomUUID()
                + "\", \"dealTitle\": \"Deal\"}")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("pipelineId");
        assertThat(contactsNamed(firstName)).isZero();
        assertThat(companiesNamed(company)).isZero();
        assertThat(api.get(rep, lead)).bodyJson().extractingPath("$.convertedAt").isNull();
        assertThat(convert(lead, "{\"pipelineId\": \"not-a-uuid\"}")).hasStatus(400);
        assertThat(convert(lead, "{\"surprise\": 1}")).hasStatus(400);
        assertThat(convert(lead, "{\"companyId\": \"" + UUID.randomUUID() + "\", \"createCompany\": true}"))
                .hasStatus(400);
        assertThat(contactsNamed(firstName)).isZero();
        assertThat(api.post(rep, "/api/v1/leads/" + UUID.randomUUID() + "/conversion", "{}")).hasStatus(404);
    }

    @Test
    void theConversionPageOffersMatchingCompaniesAndLandsOnTheNewContact() {
        String company = "Eşleşen Örme " + unique;
        String companyId = createCompany(rep, company, true);
        String firstName = "Sayfa" + unique;
        String lead = api.qualify(rep, api.create(rep,
                "{\"firstName\": \"" + firstName + "\", \"companyName\": \"ESLESEN ORME " + unique + "\"}"));
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        String page = "/leads/" + LeadApi.id(lead) + "/convert";
        assertThat(mvc.get().uri(page).cookie(session)).hasStatusOk().bodyText().contains(company)
                .contains("value=\"" + companyId + "\"").contains("deal-step").contains("New business");
        MvcTestResult result = mvc.post().uri(page).cookie(session).with(csrf()).param("company", companyId).exchange();
        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getResponse().getRedirectedUrl()).matches("/contacts/[0-9a-f-]{36}");
        assertThat(api.get(rep, lead)).bodyJson().extractingPath("$.convertedCompanyId").isEqualTo(companyId);
        MvcTestResult again = mvc.post().uri(page).cookie(session).with(csrf()).param("company", "new").exchange();
        assertThat(again).hasStatusOk().bodyText().contains("This lead was converted already.");
    }

    @Test
    void theConversionPageExplainsWhyAnUnqualifiedLeadWasNotConverted() {
        String lead = api.create(rep, "{\"firstName\": \"Yeni" + unique + "\"}");
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        MvcTestResult result = mvc.post().uri("/leads/" + LeadApi.id(lead) + "/convert").cookie(session).with(csrf())
                .param("company", "none").exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Only a qualified lead can be converted.");
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
