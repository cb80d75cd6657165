package io.kervan.contacts;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.TeamView;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

/** {@code GET /api/v1/contacts/export} as CSV, XLSX and vCard, and the export buttons of the contact list. */
@IntegrationTest
class ContactExportIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser rep;
    TestUsers.TestUser otherTeam;
    String marker;
    String companyId;

    @BeforeEach
    void contacts() {
        TestUsers users = new TestUsers(context);
        TeamView team = users.team(null);
        rep = users.create(Role.SALES_REP, team.id());
        otherTeam = users.create(Role.SALES_REP, users.team(null).id());
        marker = "Vc" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult company = mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Acme, Ltd; " + marker + "\"}")
                .exchange();
        assertThat(company).hasStatus(201);
        String location = company.getResponse().getHeader("Location");
        companyId = location.substring(location.lastIndexOf('/') + 1);
        create(rep, """
                {"firstName": "Şule", "lastName": "Öztürk %s", "title": "Satış, Pazarlama; Ar-Ge\\\\Müdür",
                 "emails": ["sule.%s@example.com"], "phones": ["0532 123 45 67"],
                 "companies": [{"companyId": "%s", "primary": true}]}""".formatted(marker, marker, companyId));
        create(rep, """
                {"firstName": "İsmail", "lastName": "Ünal %s"}""".formatted(marker));
        create(otherTeam, """
                {"firstName": "Gizli", "lastName": "Kişi %s", "visibleToTeam": false}""".formatted(marker));
    }

    void create(TestUsers.TestUser owner, String json) {
        assertThat(mvc.post().uri("/api/v1/contacts").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json)).hasStatus(201);
    }

    MvcTestResult export(TestUsers.TestUser user, String query) {
        return mvc.get().uri("/api/v1/contacts/export?" + query).header("Authorization", user.bearer()).exchange();
    }

    static List<CSVRecord> csv(byte[] body) throws IOException {
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return CSVFormat.RFC4180.parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
    }

    @Test
    void aCsvExportHoldsTheVisibleContactsWithTheirCompanyAndTurkishLetters() throws IOException {
        MvcTestResult result = export(rep, "format=csv&q=" + marker);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .matches("attachment; filename=\"contacts-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        List<CSVRecord> records = csv(result.getResponse().getContentAsByteArray());
        assertThat(records.get(0).get(0)).isEqualTo("First name");
        assertThat(records.stream().skip(1).map(r -> r.get(1)).toList())
                .containsExactlyInAnyOrder("Öztürk " + marker, "Ünal " + marker);
        CSVRecord sule = records.stream().filter(r -> r.get(0).equals("Şule")).findFirst().orElseThrow();
        assertThat(sule.get(5)).isEqualTo("Acme, Ltd; " + marker);
        assertThat(sule.get(4)).isEqualTo("'+905321234567");
    }

    @Test
    void theCompanyFilterNarrowsTheExport() throws IOException {
        List<CSVRecord> records = csv(export(rep, "format=csv&companyId=" + companyId).getResponse()
                .getContentAsByteArray());
        assertThat(records.stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("Şule");
    }

    @Test
    void aVCardExportHasOneEscapedCardPerContactWithCrlfLineEnds() {
        MvcTestResult result = export(rep, "format=vcf&q=" + marker + "&sort=name");
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/vcard");
        assertThat(result.getResponse().getHeader("Content-Disposition")).endsWith(".vcf\"");
        String cards = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(cards.split("BEGIN:VCARD\r\n", -1)).hasSize(3);
        assertThat(cards.split("END:VCARD\r\n", -1)).hasSize(3);
        assertThat(cards.replace("\r\n", "")).doesNotContain("\n");
        assertThat(cards).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
                .contains("\r\nFN:Şule Öztürk " + marker + "\r\n")
                .contains("\r\nN:Öztürk " + marker + ";Şule;;;\r\n")
                .contains("\r\nEMAIL:sule." + marker.toLowerCase() + "@example.com\r\n")
                .contains("\r\nTEL;VALUE=uri:tel:+905321234567\r\n")
                .contains("\r\nORG:Acme\\, Ltd\\; " + marker + "\r\n")
                .contains("\r\nTITLE:Satış\\, Pazarlama\\; Ar-Ge\\\\Müdür\r\n")
                .contains("\r\nFN:İsmail Ünal " + marker + "\r\n")
                .doesNotContain("Gizli");
    }

    @Test
    void anXlsxExportIsAWorkbook() {
        MvcTestResult result = export(rep, "format=xlsx&q=" + marker);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 2)).containsExactly('P', 'K');
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        MvcTestResult result = export(rep, "format=json");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(export(rep, "format=csv&companyId=nope")).hasStatus(400);
    }

    @Test
    void aVCardExportIsRecordedInTheAuditTrail() {
        assertThat(export(otherTeam, "format=vcf&q=" + marker)).hasStatusOk();
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select changes::text from audit_events where record_type = 'export' and actor_id = :actor""")
                .param("actor", otherTeam.id()).query(String.class).list())
                .singleElement().asString().contains("\"contact\"").contains("\"vcf\""));
    }

    @Test
    void theListPageOffersCsvExcelAndVCardDownloads() {
        Cookie session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/contacts?q=" + marker).cookie(session)).hasStatusOk().bodyText()
                .contains("/contacts/export?format=csv&amp;q=" + marker)
                .contains("/contacts/export?format=xlsx&amp;q=" + marker)
                .contains("/contacts/export?format=vcf&amp;q=" + marker);
        MvcTestResult result = mvc.get().uri("/contacts/export?format=vcf&q=" + marker).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("FN:Şule Öztürk " + marker);
    }
}
