package io.kervan.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.shared.SearchQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a tiny generated data set (200 contacts) into a database of its own, migrated by the app's
 * Flyway migrations, and checks that the rows are what the app itself would have written.
 */
class DataGeneratorSmokeTests {

    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;

    @TempDir
    static Path output;

    @BeforeAll
    static void loadTinyDataSet() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        Flyway.configure().dataSource(jdbcUrl, "postgres", "postgres").locations("classpath:db/migration").load()
                .migrate();
        GeneratorSettings settings = GeneratorSettings.parse(new String[] {"--jdbc", jdbcUrl, "--size", "tiny",
                "--out", output.toString(), "--reference-date", "2026-01-15"});
        DataGenerator.generate(settings, line -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void loadsTheRequestedSizesWithUsersInTeams() throws Exception {
        assertThat(count("select count(*) from contacts")).isEqualTo(200);
        assertThat(count("select count(*) from companies")).isEqualTo(40);
        assertThat(count("select count(*) from deals")).isEqualTo(40);
        assertThat(count("select count(*) from pipelines")).isEqualTo(3);
        assertThat(count("select count(*) from users")).isEqualTo(50);
        assertThat(count("select count(*) from teams where manager_id is not null")).isEqualTo(8);
        assertThat(count("select count(*) from contact_emails")).isGreaterThanOrEqualTo(150);
        assertThat(count("select count(*) from contact_phones where phone !~ '^\\+[0-9]{8,15}$'")).isZero();
        assertThat(count("select count(*) from activities")).isEqualTo(400);
        assertThat(count("select count(*) from activity_links")).isGreaterThanOrEqualTo(400);
    }

    @Test
    void derivedColumnsMatchWhatTheAppComputes() throws Exception {
        // Every deal's stale_at follows DealRepository's formula; every history starts with an entry row.
        assertThat(count("""
                select count(*) from deals d join pipeline_stages s on s.id = d.stage_id
                 where d.stale_at <> least(d.stage_entered_at, coalesce(d.last_activity_at, d.stage_entered_at))
                                     + make_interval(days => s.rotting_days)""")).isZero();
        assertThat(count("""
                select count(*) from deals d where not exists (select 1 from deal_stage_history h
                 where h.deal_id = d.id and h.from_stage_id is null)""")).isZero();
        // A contact is found by the app's own search predicate over its name, and the stored company name
        // of a link is the linked company's name.
        List<String> lastNames = strings("select last_name from contacts order by id limit 5");
        for (String lastName : lastNames) {
            SearchQuery query = SearchQuery.parse(lastName);
            String sql = "select count(*) from contacts c where " + query.sqlPredicate("c").replaceAll(
                    ":searchLike0", "'" + query.parameters().get("searchLike0") + "'");
            assertThat(count(sql)).as(lastName).isPositive();
        }
        assertThat(count("""
                select count(*) from contact_companies l join companies c on c.id = l.company_id
                 where l.company_name <> c.name""")).isZero();
        assertThat(count("select count(*) from contacts where sort_name = '' or search_text = ''")).isZero();
        // Every record with activities carries the latest one's time, as the record modules keep it.
        assertThat(count("""
                select count(*) from contacts c where c.last_activity_at is distinct from
                       (select max(least(a.occurred_at, a.created_at)) from activity_links l
                          join activities a on a.id = l.activity_id
                         where l.record_type = 'contact' and l.record_id = c.id)""")).isZero();
        assertThat(count("select count(*) from deals where last_activity_at is not null")).isPositive();
    }

    @Test
    void writesDuplicateGroundTruthAndSampleIds() throws Exception {
        List<String> truth = Files.readAllLines(output.resolve("duplicates.csv"));
        assertThat(truth.get(0)).isEqualTo("duplicate_id,original_id,kind,detail");
        for (String line : truth.subList(1, truth.size())) {
            String[] fields = line.split(",", 4);
            assertThat(count("select count(*) from contacts where id in ('" + fields[0] + "', '" + fields[1] + "')"))
                    .isEqualTo(2);
        }
        assertThat(Files.readAllLines(output.resolve("sample-ids.csv"))).anyMatch(l -> l.startsWith("contact,"))
                .anyMatch(l -> l.startsWith("deal,")).anyMatch(l -> l.startsWith("company,"));
        assertThat(Files.readString(output.resolve("manifest.properties"))).contains("salesRep=rep1@");
    }

    @Test
    void isReproducibleFromTheSeed() throws Exception {
        Path again = Files.createTempDirectory("bench-again");
        try (EmbeddedPostgres second = EmbeddedPostgres.builder().start()) {
            String url = second.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load()
                    .migrate();
            DataGenerator.generate(GeneratorSettings.parse(new String[] {"--jdbc", url, "--size", "tiny", "--out",
                    again.toString(), "--reference-date", "2026-01-15"}), line -> { });
            String fingerprint = "select md5(string_agg(id::text || first_name || search_text, ',' order by id)) "
                    + "from contacts";
            assertThat(strings(url, fingerprint)).isEqualTo(strings(jdbcUrl, fingerprint));
            assertThat(Files.readString(again.resolve("duplicates.csv")))
                    .isEqualTo(Files.readString(output.resolve("duplicates.csv")));
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(strings(jdbcUrl, sql).get(0));
    }

    private static List<String> strings(String sql) throws Exception {
        return strings(jdbcUrl, sql);
    }

    private static List<String> strings(String url, String sql) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
