package io.kervan.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.kervan.IntegrationTest;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A contact's first e-mail, first phone and primary company are kept on its row for the list pages (V0090,
 * {@link ContactListColumns}). They must follow every write of the e-mails, phones and links, by the service and
 * by an import's batch, and the list must show them.
 */
@IntegrationTest
class ContactListColumnsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContactService contacts;

    @Autowired
    ContactImports imports;

    @Autowired
    BackgroundUser backgroundUser;

    ContactFixtures fixtures;
    ContactFixtures.User rep;
    String token;
    UUID first;
    UUID second;

    @BeforeEach
    void createRepAndCompanies() {
        fixtures = new ContactFixtures(mvc, context);
        rep = fixtures.user(Role.SALES_REP);
        token = ContactFixtures.token();
        first = fixtures.company(rep, "Birinci " + token + " A.Ş.");
        second = fixtures.company(rep, "İkinci " + token + " Ltd.");
    }

    /**
     * This test's contacts whose kept columns differ from what their e-mails, phones and links say: none, when kept
     * right. (Other tests write contacts with plain SQL.)
     */
    long listColumnsOutOfStep() {
        return jdbc.sql("""
                select count(*) from contacts c
                 where c.last_name = :lastName and (c.first_email, c.first_phone, c.primary_company_id) is distinct from (
                       (select e.email from contact_emails e where e.contact_id = c.id order by e.position limit 1),
                       (select p.phone from contact_phones p where p.contact_id = c.id order by p.position limit 1),
                       (select k.company_id from contact_companies k where k.contact_id = c.id and k.is_primary))""")
                .param("lastName", "Ünlü" + token).query(Long.class).single();
    }

    List<Object> columns(UUID id) {
        return jdbc.sql("select first_email, first_phone, primary_company_id from contacts where id = :id")
                .param("id", id).query((rs, n) -> Arrays.<Object>asList(rs.getString(1), rs.getString(2),
                        rs.getObject(3, UUID.class))).single();
    }

    ContactDraft draft(List<String> emails, List<String> phones, List<ContactDraft.CompanyLink> links) {
        return new ContactDraft("Gülşen", "Ünlü" + token, "Müdür", emails, phones, links, null, "Ankara", null,
                List.of(), null, null, null);
    }

    <T> T asRep(Supplier<T> work) {
        return backgroundUser.runAs(rep.id(), work);
    }

    @Test
    void followEveryWriteOfTheServiceAndTheListShowsThem() {
        String a = "a." + token + "@ornek.com.tr";
        String b = "b." + token + "@ornek.com.tr";
        ContactDetails created = asRep(() -> contacts.create(draft(List.of(a, b), List.of("0532 111 22 33",
                "0212 444 55 66"), List.of(new ContactDraft.CompanyLink(first, null, false),
                new ContactDraft.CompanyLink(second, "Satın alma", true)))));
        UUID id = created.id();
        assertThat(columns(id)).containsExactly(a, "+905321112233", second);
        assertThat(listColumnsOutOfStep()).isZero();

        ContactDetails reordered = asRep(() -> contacts.update(id, draft(List.of(b, a), List.of("0212 444 55 66"),
                List.of(new ContactDraft.CompanyLink(first, null, true),
                        new ContactDraft.CompanyLink(second, null, false))), created.version()));
        assertThat(columns(id)).containsExactly(b, "+902124445566", first);
        assertThat(listColumnsOutOfStep()).isZero();

        ContactDetails emptied = asRep(() -> contacts.update(id, draft(List.of(), List.of(), List.of()),
                reordered.version()));
        assertThat(columns(id)).containsExactly(null, null, null);
        assertThat(listColumnsOutOfStep()).isZero();

        asRep(() -> contacts.update(id, draft(List.of(a), List.of("0532 111 22 33"),
                List.of(new ContactDraft.CompanyLink(second, null, false))), emptied.version()));
        // The only link is made primary by the rules, and the list shows what the row keeps.
        assertThat(columns(id)).containsExactly(a, "+905321112233", second);
        assertThat(listColumnsOutOfStep()).isZero();
        String body = ContactSearchPostingsIntegrationTests.body(mvc.get().uri("/api/v1/contacts")
                .param("q", "unlu" + token).header("Authorization", rep.bearer()).exchange());
        assertThat((List<String>) JsonPath.read(body, "$.items[*].email")).containsExactly(a);
        assertThat((List<String>) JsonPath.read(body, "$.items[*].phone")).containsExactly("+905321112233");
        assertThat((List<String>) JsonPath.read(body, "$.items[*].companyName"))
                .containsExactly("İkinci " + token + " Ltd.");
    }

    @Test
    void followTheWritesOfAnImportsBatch() {
        String a = "ithal." + token + "@ornek.com.tr";
        List<BatchResult> inserted = asRep(() -> imports.importBatch(List.of(new ContactImports.BatchItem(
                draft(List.of(a), List.of("0532 999 88 77"), List.of(new ContactDraft.CompanyLink(first, null, true))),
                null, null))));
        ImportMatch written = inserted.get(0).written();
        assertThat(columns(written.id())).containsExactly(a, "+905329998877", first);
        assertThat(listColumnsOutOfStep()).isZero();

        asRep(() -> imports.importBatch(List.of(new ContactImports.BatchItem(
                draft(List.of(), List.of("0212 333 22 11", "0532 999 88 77"),
                        List.of(new ContactDraft.CompanyLink(second, null, true))),
                written, null))));
        assertThat(columns(written.id())).containsExactly(null, "+902123332211", second);
        assertThat(listColumnsOutOfStep()).isZero();
    }
}
