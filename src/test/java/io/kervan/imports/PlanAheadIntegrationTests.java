package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.companies.CompanyImports;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.identity.UserService;
import io.kervan.imports.reading.TableRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * A batch planned ahead ({@link RowProcessor#planAhead}) while the batch before it is written is used only if
 * nothing it rests on moved. Each test plans the second batch before the first is written, as the import's
 * planning thread may, and then writes both in order: the outcomes are those of planning nothing ahead.
 */
@IntegrationTest
class PlanAheadIntegrationTests {

    private static final List<String> HEADER = List.of("Ad", "E-posta", "Şehir", "Unvan");

    @Autowired
    ApplicationContext context;

    @Autowired
    ContactTarget target;

    @Autowired
    UserService users;

    @Autowired
    CompanyImports companies;

    @Autowired
    BackgroundUser backgroundUser;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestUsers.TestUser rep;
    String tag;
    RowProcessor<?> processor;
    TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        tag = ImportFixtures.token();
        transaction = new TransactionTemplate(transactions);
        processor = newProcessor();
    }

    /** The processor of one import job (upsert on e-mail), which remembers the keys it imported. */
    RowProcessor<?> newProcessor() {
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        ImportMapping mapping = new ImportMapping("contacts", "upsert", "email", "auto", "auto", null,
                Map.of("Ad", "firstName", "E-posta", "email", "Şehir", "city", "Unvan", "title"), Map.of(), null,
                false, false);
        return new RowProcessor<>(target, mapping, HEADER, new ImportContext(users, companies), savepoint, json);
    }

    String email(String name) {
        return name + "." + tag + "@example.com";
    }

    static TableRow row(long number, String name, String email, String city, String title) {
        return new TableRow(number, java.util.Arrays.asList(name, email, city, title), null);
    }

    /** Plans {@code second}, writes {@code first}, then writes {@code second} with the plan made before. */
    List<RowOutcome> secondPlannedBeforeFirstIsWritten(List<TableRow> first, List<TableRow> second) {
        return backgroundUser.runAs(rep.id(), () -> {
            BulkRows.Plan<?> plan = transaction.execute(status -> processor.planAhead(second));
            assertThat(plan).as("the second batch can be planned ahead").isNotNull();
            transaction.execute(status -> processor.processAll(first));
            return transaction.execute(status -> processor.processAll(second, plan));
        });
    }

    @Test
    void aKeyTheBatchBeforeImportedMakesTheRowARepeat() {
        List<RowOutcome> second = secondPlannedBeforeFirstIsWritten(
                List.of(row(2, "Ayşe", email("ayse"), "Bursa", null)),
                List.of(row(3, "Ayşe", email("AYSE"), "Van", null), row(4, "Can", email("can"), "Muş", null)));

        assertThat(second).extracting(RowOutcome::outcome)
                .containsExactly(RowOutcome.Outcome.SKIPPED, RowOutcome.Outcome.CREATED);
        assertThat(second.get(0).problems()).extracting(RowValues.Problem::message).containsExactly("import.row.repeated");
        assertThat(cityOf(email("ayse"))).isEqualTo("Bursa");
        assertThat(contacts(email("ayse"))).isEqualTo(1);
    }

    /** A contact with two addresses, updated through one by the first batch and the other by the second. */
    @Test
    void aRecordTheBatchBeforeChangedIsReadAgainAndBothChangesStay() {
        RowProcessor<?> earlierImport = newProcessor();
        backgroundUser.runAs(rep.id(), () -> transaction.execute(status -> earlierImport.processAll(
                List.of(row(2, "Deniz", email("deniz"), "Rize", null)))));
        jdbc.sql("""
                insert into contact_emails (contact_id, position, email)
                select contact_id, 1, :second from contact_emails where email = :first""")
                .param("second", email("deniz.is")).param("first", email("deniz")).update();

        List<RowOutcome> second = secondPlannedBeforeFirstIsWritten(
                List.of(row(3, "Deniz", email("deniz"), "Trabzon", null)),
                List.of(row(4, "Deniz", email("deniz.is"), null, "Satın alma müdürü")));

        assertThat(second).extracting(RowOutcome::outcome).containsExactly(RowOutcome.Outcome.UPDATED);
        assertThat(cityOf(email("deniz"))).isEqualTo("Trabzon");
        assertThat(jdbc.sql("""
                select c.title from contacts c join contact_emails e on e.contact_id = c.id where e.email = :e""")
                .param("e", email("deniz")).query(String.class).single()).isEqualTo("Satın alma müdürü");
    }

    @Test
    void aPlanNothingMovedUnderIsWrittenAsMade() {
        List<RowOutcome> second = secondPlannedBeforeFirstIsWritten(
                List.of(row(2, "Elif", email("elif"), "Van", null)),
                List.of(row(3, "Ferit", email("ferit"), "Kars", null), row(4, "Gül", "not-an-email", "Ordu", null)));

        assertThat(second).extracting(RowOutcome::outcome)
                .containsExactly(RowOutcome.Outcome.CREATED, RowOutcome.Outcome.FAILED);
        assertThat(cityOf(email("ferit"))).isEqualTo("Kars");
        assertThat(cityOf(email("elif"))).isEqualTo("Van");
    }

    String cityOf(String email) {
        return jdbc.sql("select c.city from contacts c join contact_emails e on e.contact_id = c.id where e.email = :e")
                .param("e", email).query(String.class).single();
    }

    long contacts(String email) {
        return jdbc.sql("select count(*) from contact_emails where email = :e").param("e", email).query(Long.class)
                .single();
    }
}
