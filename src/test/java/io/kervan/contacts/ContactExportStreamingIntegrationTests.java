package io.kervan.contacts;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * A contact export longer than one database fetch and one company-naming batch: read through one
 * cursor while it is being written (constant memory), complete, in order, and with every row's
 * company named.
 */
@IntegrationTest
class ContactExportStreamingIntegrationTests {

    /** More than one fetch and two naming batches, and not a multiple of either. */
    static final int CONTACTS = ContactExports.FETCH_SIZE + ContactExports.NAMING_BATCH / 2 + 7;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContactExports exports;

    @Autowired
    BackgroundUser backgroundUser;

    TestUsers.TestUser rep;
    UUID companyId;
    String companyName;

    @BeforeEach
    void manyContactsOfOneCompany() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        companyName = "Akış Lojistik " + marker;
        MvcTestResult company = mvc.post().uri("/api/v1/companies").header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + companyName + "\"}").exchange();
        assertThat(company).hasStatus(201);
        String location = company.getResponse().getHeader("Location");
        companyId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        // straight into the tables: thousands of creates through the API would take minutes
        jdbc.sql("""
                insert into contacts (id, first_name, last_name, owner_id, search_text, sort_name, created_at, updated_at)
                select gen_random_uuid(), 'Şule', 'Row ' || lpad(i::text, 5, '0'), :owner, 'sule row ' || i,
                       'row ' || lpad(i::text, 5, '0') || ' ' || :marker, now(), now()
                  from generate_series(1, :count) i""")
                .param("owner", rep.id()).param("marker", marker).param("count", CONTACTS).update();
        // every third contact's first e-mail sits at position 2 (not as the app writes them: the export
        // must still find it); a second e-mail after the first must never be the one exported
        jdbc.sql("""
                insert into contact_emails (contact_id, position, email)
                select id, case when right(last_name, 5)::int % 3 = 0 then 2 else 0 end,
                       lower(replace(last_name, ' ', '.')) || '@' || :marker || '.example.com'
                  from contacts where owner_id = :owner
                union all
                select id, 7, 'second@' || :marker || '.example.com' from contacts where owner_id = :owner""")
                .param("owner", rep.id()).param("marker", marker).update();
        // the stored copy of the name is stale on purpose: exports name companies through the companies module
        jdbc.sql("""
                insert into contact_companies (contact_id, company_id, position, is_primary, company_name)
                select id, :company, 0, true, 'stale copy' from contacts where owner_id = :owner""")
                .param("owner", rep.id()).param("company", companyId).update();
    }

    @Test
    void theRowsComeThroughOneOpenCursorWhileTheyAreHandedOn() throws IOException {
        List<ContactSummary> rows = new ArrayList<>();
        List<Long> openCursors = new ArrayList<>();
        long count = backgroundUser.runAs(rep.id(), () -> {
            try {
                return exports.rows(new ContactFilter(null, null, companyId, false), "name").forEach(row -> {
                    if (rows.isEmpty()) {
                        // a named portal is a server-side cursor: the driver fetches the rest on demand
                        openCursors.add(jdbc.sql("""
                                select count(*) from pg_cursors
                                 where name <> '' and statement like '%left join contact_emails%'""")
                                .query(Long.class).single());
                    }
                    rows.add(row);
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(openCursors).containsExactly(1L);
        assertThat(count).isEqualTo(CONTACTS);
        assertThat(rows).hasSize(CONTACTS);
        assertThat(rows.get(0).lastName()).isEqualTo("Row 00001");
        assertThat(rows.get(CONTACTS - 1).lastName()).isEqualTo("Row " + String.format("%05d", CONTACTS));
        assertThat(rows).extracting(ContactSummary::companyName).containsOnly(companyName);
    }

    @Test
    void anAdminsExportNamesTheCompaniesWithoutAskingForEach() throws IOException {
        // the copy kept on the link, as the contacts module keeps it current (ADR 3)
        jdbc.sql("update contact_companies set company_name = :name where company_id = :company")
                .param("name", companyName).param("company", companyId).update();
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        MvcTestResult result = mvc.get().uri("/api/v1/contacts/export?format=csv&companyId=" + companyId)
                .header("Authorization", admin.bearer()).exchange();
        assertThat(result).hasStatusOk();
        byte[] body = result.getResponse().getContentAsByteArray();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(CONTACTS + 1);
        assertThat(records.subList(1, records.size())).allSatisfy(record -> {
            assertThat(record.get(5)).isEqualTo(companyName);
            assertThat(record.get(3)).startsWith(record.get(1).toLowerCase().replace(' ', '.') + "@");
        });
    }

    @Test
    void theCsvHoldsEveryRowInOrderAndTheExportLogItsCount() throws IOException {
        MvcTestResult result = mvc.get().uri("/api/v1/contacts/export?format=csv&sort=name&companyId=" + companyId)
                .header("Authorization", rep.bearer()).exchange();
        assertThat(result).hasStatusOk();
        byte[] body = result.getResponse().getContentAsByteArray();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(CONTACTS + 1);
        for (int i = 1; i <= CONTACTS; i++) {
            CSVRecord record = records.get(i);
            String lastName = "Row " + String.format("%05d", i);
            assertThat(record.get(1)).isEqualTo(lastName);
            assertThat(record.get(3)).as("first e-mail of %s", lastName)
                    .startsWith(lastName.toLowerCase().replace(' ', '.') + "@");
            assertThat(record.get(5)).isEqualTo(companyName);
        }
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                select changes::text from audit_events where record_type = 'export' and actor_id = :actor""")
                .param("actor", rep.id()).query(String.class).list())
                .singleElement().asString().contains("\"" + CONTACTS + "\"").contains("\"contact\""));
    }
}
