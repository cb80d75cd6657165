package io.kervan.bench.imports;

import io.kervan.KervanApplication;
import io.kervan.identity.BackgroundUser;
import io.kervan.identity.Role;
import io.kervan.identity.UserService;
import io.kervan.imports.ImportJob;
import io.kervan.imports.ImportMapping;
import io.kervan.imports.ImportService;
import io.kervan.imports.ImportStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import benchmark of issue #5: a contacts CSV (validated, phones normalised, upsert on e-mail,
 * every index maintained) imported through the real import job, against a raw PostgreSQL {@code COPY}
 * of the same file into an equivalent table (same columns and indexes) in the same run and database.
 *
 * <p>Run with {@code bench/imports-benchmark.sh [rows]} (default 1,000,000), which gives the JVM
 * {@code -Xmx512m}. Prints rows/s, the COPY time and the ratio; the peak heap is read from the JVM.
 */
public final class ContactImportBenchmark {

    private ContactImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Path.of("target", "bench-imports");
        Files.createDirectories(dir);
        Path csv = dir.resolve("contacts-" + rows + ".csv");
        writeCsv(csv, rows);
        System.out.printf(Locale.ROOT, "file: %s (%d rows, %.1f MB)%n", csv, rows, Files.size(csv) / 1e6);

        boolean statements = Boolean.getBoolean("bench.statements");
        List<String> settings = new ArrayList<>(List.of(
                "--kervan.data-dir=" + dir.resolve("data-" + UUID.randomUUID()).toAbsolutePath(),
                "--kervan.embedded-db-clean-on-start=true", "--server.port=0", "--logging.file.name=",
                "--logging.structured.format.file=", "--kervan.admin.email=bench@kervan.test",
                "--kervan.admin.password=bench-password-1", "--kervan.jobs.polling-interval=200ms"));
        if (statements) {
            settings.add("--kervan.embedded-db-settings.shared_preload_libraries=pg_stat_statements");
        }
        ConfigurableApplicationContext app = new SpringApplication(KervanApplication.class)
                .run(settings.toArray(String[]::new));
        boolean completed = false;
        try {
            double copySeconds = copy(app.getBean(DataSource.class), csv);
            System.out.printf(Locale.ROOT, "raw COPY into an equivalent table: %.1f s (%.0f rows/s)%n", copySeconds,
                    rows / copySeconds);

            UserService users = app.getBean(UserService.class);
            UUID admin = users.list().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow().id();
            ImportService imports = app.getBean(ImportService.class);
            BackgroundUser backgroundUser = app.getBean(BackgroundUser.class);
            ImportMapping mapping = new ImportMapping("contacts", "upsert", "email", "auto", "auto", null,
                    Map.of("first_name", "firstName", "last_name", "lastName", "email", "email", "phone", "phone",
                            "city", "city"), Map.of(), null, false, false);
            if (statements) {
                JdbcClient.create(app.getBean(DataSource.class)).sql("create extension if not exists pg_stat_statements")
                        .update();
            }
            HeapSampler heap = HeapSampler.start();
            long started = System.nanoTime();
            ImportJob job = backgroundUser.runAs(admin, () -> {
                try (InputStream in = Files.newInputStream(csv)) {
                    return imports.start(csv.getFileName().toString(), in, mapping);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ImportJob done = job;
            while (!done.status().finished()) {
                Thread.sleep(1000);
                UUID id = job.id();
                done = backgroundUser.runAs(admin, () -> imports.get(id));
                System.out.printf(Locale.ROOT, "  %d/%s rows, %.0f rows/s%n", done.processedRows(), done.totalRows(),
                        done.rowsPerSecond());
            }
            double importSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "import (%s): %.1f s wall, %.0f rows/s wall, %.0f rows/s in the job; "
                    + "created %d, updated %d, skipped %d, failed %d%n", done.status().key(), importSeconds,
                    rows / importSeconds, done.rowsPerSecond(), done.created(), done.updated(), done.skipped(),
                    done.failed());
            System.out.printf(Locale.ROOT, "ratio import/COPY: %.1fx slower%n", importSeconds / copySeconds);
            System.out.printf(Locale.ROOT, "peak heap in use during the import: %.0f MB of max %.0f MB%n",
                    heap.stop() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            completed = done.status() == ImportStatus.COMPLETED;
            if (statements) {
                printStatements(app.getBean(DataSource.class));
            }
            if (completed && Boolean.getBoolean("bench.undo")) {
                completed = undo(backgroundUser, admin, imports, job.id(), done.created() + done.updated());
            }
        } finally {
            app.close();
        }
        // A non-daemon thread of the test classpath (the SMTP test server) would keep the JVM alive.
        System.exit(completed ? 0 : 1);
    }

    /** Undoes the import ({@code -Dbench.undo=true}) and reports how fast its written rows were reverted. */
    private static boolean undo(BackgroundUser backgroundUser, UUID admin, ImportService imports, UUID id,
            long written) throws InterruptedException {
        long started = System.nanoTime();
        ImportJob job = backgroundUser.runAs(admin, () -> imports.undo(id));
        while (!job.status().finished()) {
            Thread.sleep(1000);
            job = backgroundUser.runAs(admin, () -> imports.get(id));
            System.out.printf(Locale.ROOT, "  undo: %d/%d rows%n", job.undoneRows(), written);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "undo (%s): %.1f s, %.0f rows/s%n", job.status().key(), seconds,
                written / seconds);
        return job.status() == ImportStatus.UNDONE;
    }

    static void writeCsv(Path csv, int rows) throws IOException {
        String[] first = {"Ayşe", "Mehmet", "Çağla", "Gülşen", "İbrahim", "Şükrü", "Öykü", "Ümit", "Ilgın", "Zeynep"};
        String[] last = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Doğan", "Kılıç", "Arslan"};
        String[] cities = {"İstanbul", "Ankara", "İzmir", "Muğla", "Eskişehir", "Van", "Çanakkale", "Şanlıurfa"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("first_name,last_name,email,phone,city\n");
            for (int i = 0; i < rows; i++) {
                out.write(first[i % first.length] + "," + last[(i / 10) % last.length] + ",kisi" + i
                        + "@bench.example.com,0532 " + String.format(Locale.ROOT, "%07d", i % 10_000_000) + ","
                        + cities[i % cities.length] + "\n");
            }
        }
    }

    /** COPY of the same file into a table with the same columns and the indexes the import maintains. */
    static double copy(DataSource dataSource, Path csv) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table bench_contacts (first_name varchar(100), last_name varchar(100),
                            email varchar(254), phone varchar(20), city varchar(100))""");
                statement.execute("create unique index on bench_contacts (email)");
                statement.execute("create index on bench_contacts (phone)");
                statement.execute("create index on bench_contacts using gin ((first_name || ' ' || last_name) gin_trgm_ops)");
            }
            long started = System.nanoTime();
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_contacts from stdin with (format csv, header true)", in);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** Where the database's time went ({@code -Dbench.statements=true}): the statements by total time. */
    static void printStatements(DataSource dataSource) {
        System.out.println("statements by total time (ms, calls, rows, statement):");
        JdbcClient.create(dataSource).sql("""
                select round(total_exec_time) as ms, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q
                  from pg_stat_statements order by total_exec_time desc limit 25""")
                .query((rs, n) -> String.format(Locale.ROOT, "%8d %8d %9d  %s", rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4)))
                .list().forEach(System.out::println);
    }

    /**
     * The most heap in use at any moment, sampled every 20 ms. (The memory pools' own peaks cannot be summed: the
     * young and old generations peak at different times, and the sum can exceed the maximum heap.)
     */
    static final class HeapSampler {

        private final java.util.concurrent.ScheduledExecutorService timer;
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        private HeapSampler() {
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "heap-sampler");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        long stop() {
            timer.shutdownNow();
            return peak.get();
        }
    }
}
