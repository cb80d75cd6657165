package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input from the issue: a clear message (per row where it is a row's fault), nothing
 * written besides the rows reported as imported, and never a 500.
 */
@IntegrationTest
class BadInputIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ImportFixtures fixtures;
    TestUsers.TestUser rep;
    String tag;

    static final String CONTACTS = """
            {"recordType": "contacts", "columns": {"Ad": "firstName", "E-posta": "email"}}""";

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
        tag = ImportFixtures.token();
    }

    long contactsOf(TestUsers.TestUser user) {
        return jdbc.sql("select count(*) from contacts where owner_id = :o").param("o", user.id()).query(Long.class)
                .single();
    }

    String refusal(MvcTestResult result) {
        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return fixtures.read(result).get("errors").get(0).get("message").asString();
    }

    @Test
    void anUnbalancedQuoteIsRefusedNamingItsRowAndWritesNothing() {
        MvcTestResult result = fixtures.post(rep, "Ad,E-posta\nAli,ali." + tag + "@example.com\n\"Veli,veli@example.com\n",
                CONTACTS);
        // the header is fine, so the job starts; the whole-file check before any row is written stops it
        JsonNode job = fixtures.waitForEnd(rep, fixtures.read(result).get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("message").asString()).contains("row 3").contains("never closed");
        assertThat(contactsOf(rep)).isZero();
    }

    @Test
    void raggedRowsFailOneByOne() {
        JsonNode job = fixtures.run(rep, "Ad,E-posta\nAli,ali." + tag + "@example.com\nVeli,veli@x.com,extra\nTek\n",
                CONTACTS);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(2);
        String errors = fixtures.errors(rep, job.get("id").asString());
        assertThat(errors).contains("3,,,The row has 3 cells but the header has 2").contains("4,,,The row has 1 cells");
        assertThat(contactsOf(rep)).isEqualTo(1);
    }

    @Test
    void aBinaryFileNamedCsvAnEmptyFileAndAZipBombAreRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(refusal(fixtures.post(rep, "photo.csv", png, CONTACTS))).contains("not a text table");
        assertThat(refusal(fixtures.post(rep, "empty.csv", new byte[0], CONTACTS))).contains("empty");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(refusal(fixtures.post(rep, "bomb.xlsx", bomb.toByteArray(), CONTACTS))).contains("zip bomb");
        assertThat(contactsOf(rep)).isZero();
    }

    @Test
    void aHeaderOnlyFileCompletesWithNoRows() {
        JsonNode job = fixtures.run(rep, "Ad,E-posta\n", CONTACTS);
        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("totalRows").asLong()).isZero();
        assertThat(contactsOf(rep)).isZero();
    }

    @Test
    void aFiftyMegabyteCellFailsItsRowOnly() {
        StringBuilder csv = new StringBuilder("Ad,E-posta\n");
        csv.append("x".repeat(50 * 1024 * 1024)).append(",big@example.com\n");
        csv.append("Ali,ali.").append(tag).append("@example.com\n");
        JsonNode job = fixtures.run(rep, csv.toString(), CONTACTS);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(fixtures.errors(rep, job.get("id").asString())).contains("2,,,\"A cell is longer than");
    }

    @Test
    void formulasWrongTypesAndImpossibleDatesFailTheirRowsWithTheColumnAndValue() {
        String mapping = """
                {"recordType": "deals", "columns": {"Başlık": "title", "Tutar": "value", "Kapanış": "expectedCloseDate"},
                 "dateFormat": "dd.MM.yyyy", "decimalComma": true}""";
        JsonNode job = fixtures.run(rep, """
                Başlık;Tutar;Kapanış
                =cmd|' /C calc'!A0;100;01.03.2024
                Fırsat %1$s A;on bin;01.03.2024
                Fırsat %1$s B;1.500,50;31.02.2024
                Fırsat %1$s C;1.500,50;29.02.2024
                """.formatted(tag), mapping);
        assertThat(job.get("failed").asLong()).isEqualTo(3);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        String errors = fixtures.errors(rep, job.get("id").asString());
        assertThat(errors).contains("2,Başlık,'=cmd|' /C calc'!A0,").contains("formula")
                .contains("3,Tutar,on bin,Not a number.").contains("4,Kapanış,31.02.2024,\"Not a valid date");
        assertThat(jdbc.sql("select value::text || ' ' || expected_close_date from deals where title = :t")
                .param("t", "Fırsat " + tag + " C").query(String.class).single()).isEqualTo("1500.5000 2024-02-29");
    }

    @Test
    void badMappingJsonAndUnknownRecordTypesAreRefused() {
        assertThat(refusal(fixtures.post(rep, "Ad\nAli\n", "{not json"))).contains("not valid JSON");
        assertThat(refusal(fixtures.post(rep, "Ad\nAli\n", """
                {"recordType": "planets", "columns": {"Ad": "name"}}"""))).contains("Choose what the file holds");
        assertThat(refusal(fixtures.post(rep, "Ad\nAli\n", """
                {"recordType": "contacts", "columns": {"Ad": "firstName"}, "surprise": 1}"""))).contains("JSON");
        MvcTestResult noFile = mvc.post().uri("/api/v1/imports").header("Authorization", rep.bearer()).multipart()
                .file(new org.springframework.mock.web.MockMultipartFile("mapping", "", "application/json",
                        CONTACTS.getBytes(StandardCharsets.UTF_8)))
                .exchange();
        assertThat(noFile).hasStatus(400);
    }
}
