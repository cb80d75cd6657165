package io.kervan.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The dated Markdown section a run appends to docs/benchmarks.md. */
final class ResultTable {

    private ResultTable() {
    }

    static String markdown(String label, Fixtures fixtures, List<LoadRun.Result> results, LoadRun.Result mixed,
            int acknowledged, long lost, int clients, int mixedClients, int duration,
            List<Fixtures.DeepCursor> adminDeep, List<Fixtures.DeepCursor> repDeep) {
        StringBuilder out = new StringBuilder();
        out.append("\n### ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'"))).append(label.isBlank() ? "" : " — " + label).append("\n\n");
        out.append(String.format(Locale.ROOT, "Data: %,d contacts, %,d companies, %,d deals (seed %s). ",
                Long.parseLong(fixtures.manifest.getProperty("contacts")),
                Long.parseLong(fixtures.manifest.getProperty("companies")),
                Long.parseLong(fixtures.manifest.getProperty("deals")), fixtures.manifest.getProperty("seed")));
        out.append("Machine: ").append(machine()).append(", PostgreSQL ")
                .append(fixtures.manifest.getProperty("postgresVersion", "?")).append(".\n");
        out.append(String.format(Locale.ROOT, "Each scenario: %d concurrent clients for %d s after a warm-up; "
                + "deep page = page %s (admin) / %s (sales rep) at 50 rows.%n%n", clients, duration,
                adminDeep.isEmpty() ? "?" : adminDeep.get(adminDeep.size() - 1).page(),
                repDeep.isEmpty() ? "?" : repDeep.get(repDeep.size() - 1).page()));
        out.append("| Scenario | View | Requests | Req/s | p50 ms | p95 ms | p99 ms | Errors | Target p95 | Met |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LoadRun.Result r : results) {
            double p95 = r.latencies().percentileMillis(95);
            double target = r.scenario().target();
            out.append(row(r)).append(target == 0 ? "— | —" : String.format(Locale.ROOT, "≤ %.0f | %s", target,
                    p95 <= target && r.latencies().errors() == 0 ? "yes" : "**no**")).append(" |\n");
        }
        if (mixed != null) {
            boolean met = mixed.throughput() >= 1000 && mixed.latencies().percentileMillis(99) <= 100
                    && mixed.latencies().errors() == 0;
            out.append(row(mixed)).append(String.format(Locale.ROOT,
                    "≥ 1,000 req/s, p99 ≤ 100, 0 errors (%d clients, %.0f s) | %s |\n", mixedClients,
                    mixed.seconds(), met ? "yes" : "**no**"));
        }
        out.append("\nVisibility cost (sales rep p95 / admin p95, target ≤ 1.5):");
        for (int i = 0; i + 1 < results.size(); i++) {
            LoadRun.Result a = results.get(i);
            LoadRun.Result b = results.get(i + 1);
            if (a.scenario() == b.scenario() && a.view().equals("admin") && b.view().equals("sales rep")) {
                double ratio = b.latencies().percentileMillis(95) / a.latencies().percentileMillis(95);
                out.append(String.format(Locale.ROOT, " %s %.2f%s;", a.scenario().name(), ratio,
                        ratio <= 1.5 ? "" : " (**over**)"));
            }
        }
        out.append("\n\nLoad generator CPU per request (the runner's own process, on the same cores; ms):");
        for (LoadRun.Result r : results) {
            out.append(String.format(Locale.ROOT, " %s, %s %.2f;", r.scenario().name(), r.view(),
                    r.runnerCpuMillisPerRequest()));
        }
        if (mixed != null) {
            out.append(String.format(Locale.ROOT, " mixed %.2f;", mixed.runnerCpuMillisPerRequest()));
        }
        out.append(String.format(Locale.ROOT, "%n%nAcknowledged creates: %d, missing afterwards: %d.%n",
                acknowledged, lost));
        return out.toString();
    }

    private static String row(LoadRun.Result r) {
        String errors = r.latencies().errors() + (r.errorStatuses().isEmpty() ? "" : " " + r.errorStatuses());
        return String.format(Locale.ROOT, "| %s | %s | %,d | %.0f | %.1f | %.1f | %.1f | %s | ", r.scenario().name(),
                r.view(), r.latencies().count(), r.throughput(), r.latencies().percentileMillis(50),
                r.latencies().percentileMillis(95), r.latencies().percentileMillis(99), errors);
    }

    /** Cores, CPU model, RAM, JDK and OS of the machine the runner (and, in run.sh, the app and PG) ran on. */
    static String machine() {
        String cpu = read("/proc/cpuinfo").flatMap(text -> text.lines().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())).orElse("unknown CPU");
        String ram = read("/proc/meminfo").flatMap(text -> text.lines().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB RAM"))
                .orElse("? GB RAM");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + ram + ", JDK "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
