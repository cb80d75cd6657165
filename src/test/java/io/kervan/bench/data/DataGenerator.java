package io.kervan.bench.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Loads a generated data set into a Kervan database whose schema Flyway has created (start the app
 * once against it first). Rows go in with COPY; secondary indexes are rebuilt once at the end.
 * <pre>
 * java -cp ... io.kervan.bench.data.DataGenerator --jdbc jdbc:postgresql://localhost:5432/postgres \
 *      --out target/bench [--size default|medium|small|tiny] [--seed 42] [--contacts N] ...
 * </pre>
 * Writes {@code duplicates.csv} (ground truth of planted near-duplicates), {@code sample-ids.csv}
 * (ids for the scenario runner) and {@code manifest.properties} (users to sign in as) to {@code --out}.
 */
public final class DataGenerator {

    /** The parts in the order they must run; a new module (activities, tasks ...) adds its part here. */
    static List<DataPart> parts() {
        List<DataPart> parts = new ArrayList<>(List.of(new UsersAndTeams(), new Pipelines(), new Companies(),
                new Contacts(), new Deals(), new Activities()));
        return parts;
    }

    private DataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        GeneratorSettings settings = GeneratorSettings.parse(args);
        if (List.of(args).contains("--migrate")) {
            // Without a running app: create the schema with the app's own migrations first.
            org.flywaydb.core.Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration").load().migrate();
        }
        generate(settings, System.out::println);
    }

    /** Generates and loads the data set; {@code log} receives one line per step with its duration. */
    public static void generate(GeneratorSettings settings, java.util.function.Consumer<String> log)
            throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); GenerationContext context = new GenerationContext(settings, connection)) {
            refuseIfLoaded(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set synchronous_commit = off");
                statement.execute("set maintenance_work_mem = '512MB'");
            }
            List<DataPart> parts = parts();
            List<String> tables = parts.stream().flatMap(p -> p.tables().stream()).toList();
            IndexSuspension indexes = IndexSuspension.drop(connection, tables);
            log.accept("Dropped " + indexes.count() + " secondary indexes of " + tables + " for the load");
            for (DataPart part : parts) {
                long partStart = System.nanoTime();
                part.write(context);
                log.accept("Loaded " + part.name() + " in " + since(partStart));
            }
            long indexStart = System.nanoTime();
            indexes.recreate(connection);
            log.accept("Rebuilt indexes in " + since(indexStart));
            long analyzeStart = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze");
            }
            log.accept("Vacuumed and analysed in " + since(analyzeStart));
            writeManifest(context);
        }
        log.accept("Generated " + settings.contacts() + " contacts, " + settings.companies() + " companies, "
                + settings.deals() + " deals, " + settings.activities() + " activities (seed " + settings.seed() + ") in " + since(start));
    }

    private static void refuseIfLoaded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select (select count(*) from contacts) + (select count(*) "
                        + "from users where email like '%" + UsersAndTeams.DOMAIN + "')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("The database already holds contacts or generated users; "
                        + "the generator loads into a fresh Kervan database only");
            }
        }
    }

    private static void writeManifest(GenerationContext context) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("password", UsersAndTeams.PASSWORD);
        context.users.stream().filter(u -> u.role().equals("SALES_REP")).findFirst()
                .ifPresent(u -> manifest.setProperty("salesRep", u.email()));
        context.users.stream().filter(u -> u.role().equals("MANAGER")).findFirst()
                .ifPresent(u -> manifest.setProperty("manager", u.email()));
        manifest.setProperty("pipelines", String.join(",", context.stages.stream()
                .map(s -> s.pipelineId().toString()).distinct().toList()));
        manifest.setProperty("contacts", String.valueOf(context.settings.contacts()));
        manifest.setProperty("companies", String.valueOf(context.settings.companies()));
        manifest.setProperty("deals", String.valueOf(context.settings.deals()));
        manifest.setProperty("seed", String.valueOf(context.settings.seed()));
        try (Statement statement = context.connection.createStatement();
                ResultSet rs = statement.executeQuery("show server_version")) {
            rs.next();
            manifest.setProperty("postgresVersion", rs.getString(1));
        } catch (SQLException e) {
            manifest.setProperty("postgresVersion", "unknown");
        }
        try (Writer out = Files.newBufferedWriter(context.settings.outputDir().resolve("manifest.properties"),
                StandardCharsets.UTF_8)) {
            manifest.store(out, "Kervan benchmark data set");
        }
    }

    private static String since(long startNanos) {
        Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
        return String.format("%d.%01ds", d.toSeconds(), d.toMillisPart() / 100);
    }
}
