package io.kervan.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ContactTableStatistics}: the planner's row count catches up with a bulk import as it goes. */
@IntegrationTest
class ContactTableStatisticsIntegrationTests {

    @Autowired
    ContactTableStatistics statistics;

    @Autowired
    ContactService contacts;

    @Autowired
    BackgroundUser backgroundUser;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void analysesTheTablesOnceEnoughRowsWereWritten() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser rep = users.create(Role.SALES_REP, users.team(null).id());
        String token = ContactFixtures.token();
        for (int i = 0; i < 3; i++) {
            int n = i;
            backgroundUser.runAs(rep.id(), () -> contacts.create(ContactImportsBatchIntegrationTests.draft("Sayım" + n,
                    "sayim" + n + "." + token + "@example.com", null, null)));
        }
        statistics.written((int) ContactTableStatistics.MIN_ROWS_BETWEEN);

        // ANALYZE of a table this small samples every row, so the planner's count is then exact.
        assertThat(plannedRows()).isEqualTo(storedRows());
        assertThat(jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'contact_emails'::regclass")
                .query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from contact_emails").query(Long.class).single());
    }

    private long plannedRows() {
        return jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'contacts'::regclass")
                .query(Long.class).single();
    }

    private long storedRows() {
        return jdbc.sql("select count(*) from contacts").query(Long.class).single();
    }
}
