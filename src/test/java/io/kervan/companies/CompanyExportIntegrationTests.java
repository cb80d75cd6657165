package io.kervan.companies;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.identity.TeamView;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
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

/** {@code GET /api/v1/companies/export} and the export buttons of the company list. */
@IntegrationTest
class CompanyExportIntegrationTests {

    static final String TURKISH = "İĞÜŞÖÇığüşöç";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser repA1;
    TestUsers.TestUser repA2;
    TestUsers.TestUser repB;
    String marker;

    @BeforeEach
    void twoTeams() {
        TestUsers users = new TestUsers(context);
        TeamView teamA = users.team(null);
        TeamView teamB = users.team(null);
        repA1 = users.create(Role.SALES_REP, teamA.id());
        repA2 = users.create(Role.SALES_REP, teamA.id());
        repB = users.create(Role.SALES_REP, teamB.id());
        marker = "Exp" + UUID.randomUUID().toString().substring(0, 8);
        create(repA1, marker + " " + TURKISH, true);
        create(repA1, "=HYPERLINK(\"x\") " + marker, true);
        create(repA2, marker + " Shared", true);
        create(repA2, marker + " Private", false);
        create(repB, marker + " Other team", true);
        create(repA1, "Unrelated " + UUID.randomUUID(), true);
    }

    void create(TestUsers.TestUser owner, String name, boolean visibleToTeam) {
        assertThat(mvc.post().uri("/api/v1/companies").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name.replace("\"", "\\\"") + "\", \"visibleToTeam\": " + visibleToTeam
                        + "}")).hasStatus(201);
    }

    MvcTestResult export(TestUsers.TestUser user, String query) {
        return mvc.get().uri("/api/v1/companies/export?" + query).header("Authorization", user.bearer()).exchange();
    }

    static List<CSVRecord> csv(byte[] body) throws IOException {
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    static List<String> names(List<CSVRecord> records) {
        return records.stream().skip(1).map(r -> r.get(0)).toList();
    }

    @Test
    void aCsvExportStartsWithTheByteOrderMarkAndHoldsTurkishNamesExactly() throws IOException {
        MvcTestResult result = export(repA1, "format=csv&q=" + marker);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .matches("attachment; filename=\"companies-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = csv(body);
        assertThat(records.get(0).get(0)).isEqualTo("Name");
        assertThat(names(records)).contains(marker + " " + TURKISH);
    }

    @Test
    void aNameThatLooksLikeAFormulaIsWrittenWithALeadingApostrophe() throws IOException {
        List<CSVRecord> records = csv(export(repA1, "format=csv&q=" + marker).getResponse().getContentAsByteArray());
        assertThat(names(records)).contains("'=HYPERLINK(\"x\") " + marker).doesNotContain("=HYPERLINK(\"x\") " + marker);
    }

    @Test
    void aSalesRepsExportHoldsOnlyWhatTheyMaySeeAndOnlyWhatMatchesTheSearch() throws IOException {
        List<String> names = names(csv(export(repA1, "q=" + marker).getResponse().getContentAsByteArray()));
        assertThat(names).containsExactlyInAnyOrder(marker + " " + TURKISH, "'=HYPERLINK(\"x\") " + marker,
                marker + " Shared");
        List<String> other = names(csv(export(repB, "format=csv&q=" + marker).getResponse()
                .getContentAsByteArray()));
        assertThat(other).containsExactly(marker + " Other team");
    }

    @Test
    void anXlsxExportIsAWorkbookWithTheRows() throws IOException {
        MvcTestResult result = export(repA1, "format=xlsx&q=" + marker + "&sort=-name");
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.getResponse().getHeader("Content-Disposition")).endsWith(".xlsx\"");
        String sheet = sheet(result.getResponse().getContentAsByteArray());
        assertThat(sheet).contains(marker + " Shared").doesNotContain(marker + " Private").doesNotContain("<f>");
    }

    static String sheet(byte[] workbook) throws IOException {
        Path file = Files.createTempFile("companies", ".xlsx");
        try {
            Files.write(file, workbook);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anUnknownFormatOrSortIsABadRequest() {
        MvcTestResult result = export(repA1, "format=pdf");
        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(export(repA1, "format=csv&sort=nonsense")).hasStatus(400);
        assertThat(export(repA1, "format=csv&ownerId=not-a-uuid")).hasStatus(400);
    }

    @Test
    void anExportNeedsSigningIn() {
        assertThat(mvc.get().uri("/api/v1/companies/export?format=csv")).hasStatus(401);
    }

    @Test
    void everyExportIsRecordedInTheAuditTrail() {
        assertThat(export(repA2, "format=xlsx&q=" + marker)).hasStatusOk();
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select changes::text from audit_events
                where record_type = 'export' and action = 'EXPORTED' and actor_id = :actor""")
                .param("actor", repA2.id()).query(String.class).list())
                .singleElement().asString()
                .contains("\"rows\"").contains("\"newValue\": \"4\"").contains("\"company\"").contains("\"xlsx\"")
                .contains("q=" + marker));
    }

    @Test
    void theListPageOffersExportButtonsThatDownloadTheSearchedList() throws IOException {
        Cookie session = SignedInBrowserSession.signIn(mvc, repA1.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/companies?q=" + marker).cookie(session)).hasStatusOk().bodyText()
                .contains("/companies/export?format=csv&amp;q=" + marker)
                .contains("/companies/export?format=xlsx&amp;q=" + marker);
        MvcTestResult result = mvc.get().uri("/companies/export?format=csv&q=" + marker + "&sort=name&archived=false")
                .cookie(session).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(names(csv(result.getResponse().getContentAsByteArray()))).hasSize(3);
    }
}
