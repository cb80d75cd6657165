package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.identity.UserService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sample data loads through the import feature and yields exactly the records in its files;
 * the expected numbers are counted from the CSV files here (none of the files has quoted commas).
 */
@IntegrationTest
class SampleDataIntegrationTests {

    @Autowired
    SampleData sampleData;

    @Autowired
    BackgroundUser backgroundUser;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    static List<String[]> rows(String file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(SampleData.resource(file), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }

    @Test
    void loadsExactlyTheRecordsOfTheSampleFiles() throws IOException {
        UUID admin = users.list().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow().id();

        List<ImportJob> jobs = backgroundUser.runAs(admin, sampleData::load);

        assertThat(jobs).extracting(ImportJob::status).containsOnly(ImportStatus.COMPLETED);
        assertThat(jobs).as(() -> jobs + "\n" + jdbc.sql("select row_number || ' ' || coalesce(column_name, '') || ' ' || coalesce(value, '') || ' ' || message from import_problems where import_id = any(:ids) limit 20")
                .param("ids", jobs.stream().map(ImportJob::id).toArray(UUID[]::new)).query(String.class).list())
                .extracting(ImportJob::failed).containsOnly(0L);

        List<String[]> accounts = rows("accounts.csv");
        Set<String> accountNames = new HashSet<>();
        accounts.forEach(a -> accountNames.add(a[0]));
        assertThat(accountNames).hasSize(85);
        assertThat(jdbc.sql("select count(distinct name) from companies where name = any(:names)")
                .param("names", accountNames.toArray(String[]::new)).query(Long.class).single()).isEqualTo(85);
        assertThat(jdbc.sql("select count(*) from companies where sector = 'technolgy'").query(Long.class).single()).isZero();

        List<String[]> teams = rows("sales_teams.csv");
        Set<String> agents = new HashSet<>();
        Set<String> managers = new HashSet<>();
        teams.forEach(t -> {
            agents.add(t[0]);
            managers.add(t[1]);
        });
        assertThat(agents).hasSize(35);
        assertThat(jdbc.sql("select count(*) from users where email like :d and role = 'SALES_REP' and team_id is not null")
                .param("d", "%@" + SampleData.EMAIL_DOMAIN).query(Long.class).single()).isEqualTo(agents.size());
        assertThat(jdbc.sql("select count(*) from teams t join users u on u.id = t.manager_id where u.email like :d")
                .param("d", "%@" + SampleData.EMAIL_DOMAIN).query(Long.class).single()).isEqualTo(managers.size());

        List<String[]> products = rows("products.csv");
        assertThat(products).hasSize(7);
        assertThat(jdbc.sql("select count(*) from products where name = any(:names) and currency = 'USD'")
                .param("names", products.stream().map(p -> p[0]).toArray(String[]::new)).query(Long.class).single())
                .isEqualTo(7);

        List<String[]> opportunities = rows("sales_pipeline.csv");
        assertThat(opportunities).hasSize(8_800);
        Map<String, Long> expected = new HashMap<>();
        opportunities.forEach(o -> expected.merge(o[4], 1L, Long::sum));
        Map<String, Long> actual = new HashMap<>();
        jdbc.sql("""
                select case when d.status = 'open' then s.name when d.status = 'won' then 'Won' else 'Lost' end, count(*)
                  from deals d join pipelines p on p.id = d.pipeline_id join pipeline_stages s on s.id = d.stage_id
                 where p.name = 'Sales' group by 1""")
                .query((rs, n) -> actual.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(actual).isEqualTo(expected);
        long gtxPro = opportunities.stream().filter(o -> o[2].equals("GTXPro")).count();
        assertThat(jdbc.sql("select count(*) from deals where title like 'GTX Pro%' and currency = 'USD'")
                .query(Long.class).single()).isEqualTo(gtxPro);
        String[] first = opportunities.get(0);
        assertThat(jdbc.sql("select to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD') || ' ' || value::bigint from deals where title like :t")
                .param("t", "%(" + first[0] + ")").query(String.class).single()).isEqualTo(first[6] + " " + first[7]);

        // Each agent hears once that the import gave them deals, not once per deal (8,800 bells and e-mails).
        long agentsWithDeals = opportunities.stream().map(o -> o[1]).distinct().count();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from notifications n join users u on u.id = n.user_id
                 where n.kind = 'recordAssigned' and u.email like :domain""")
                .param("domain", "%@" + SampleData.EMAIL_DOMAIN).query(Long.class).single()).isEqualTo(agentsWithDeals));
        assertThat(jdbc.sql("""
                select count(*) from notifications n join users u on u.id = n.user_id
                 where n.kind = 'recordAssigned' and u.email like :domain and n.title <> 'Deals from an import'""")
                .param("domain", "%@" + SampleData.EMAIL_DOMAIN).query(Long.class).single()).isZero();
    }
}
