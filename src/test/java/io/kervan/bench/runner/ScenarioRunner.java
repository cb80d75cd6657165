package io.kervan.bench.runner;

import io.kervan.bench.data.UsersAndTeams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Drives a running Kervan over HTTP with the scenarios of issue #6 and appends a dated result table to
 * {@code docs/benchmarks.md}.
 * <pre>
 * java -cp ... io.kervan.bench.runner.ScenarioRunner --base-url http://localhost:8080 --data target/bench/data \
 *      --admin admin@bench.kervan.test --admin-password ... [--clients 8] [--duration 20] [--warmup 5]
 *      [--mixed-duration 300] [--only all|mixed|NAME,NAME] [--report docs/benchmarks.md] [--label "..."]
 * (--only with scenario name prefixes, e.g. "search,kanban", runs just those, for working on one finding)
 * </pre>
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String baseUrl = options.getOrDefault("base-url", "http://localhost:8080");
        Path dataDir = Path.of(options.getOrDefault("data", "target/bench/data"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int mixedDuration = Integer.parseInt(options.getOrDefault("mixed-duration", "300"));
        int mixedClients = Integer.parseInt(options.getOrDefault("mixed-clients", String.valueOf(clients * 2)));
        String only = options.getOrDefault("only", "all");

        Fixtures fixtures = new Fixtures(dataDir);
        String password = fixtures.manifest.getProperty("password", UsersAndTeams.PASSWORD);
        Scenario.User admin = user("admin", KervanClient.signIn(baseUrl, options.get("admin"),
                options.get("admin-password")), null, true);
        KervanClient repClient = KervanClient.signIn(baseUrl, fixtures.manifest.getProperty("salesRep"), password);
        Scenario.User rep = user("sales rep", repClient, myId(repClient), false);
        Scenarios scenarios = new Scenarios(fixtures);
        scenarios.reserveOwner(rep.id());
        log("Signed in as " + admin.client().email() + " and " + rep.client().email() + "; finding deep pages");
        List<Scenario> singles = scenarios.all().stream().filter(s -> selected(only, s.name())).toList();
        if (singles.stream().anyMatch(s -> s.name().startsWith("list deep"))) {
            admin = withDeep(admin, Fixtures.deepCursors(admin.client(), 1000));
            rep = withDeep(rep, Fixtures.deepCursors(rep.client(), 1000));
        } else {
            admin = withDeep(admin, Fixtures.deepCursors(admin.client(), 40));
            rep = withDeep(rep, Fixtures.deepCursors(rep.client(), 40));
        }
        // A contact of one's own to update, should the sample hold none of the rep's.
        scenarios.all().stream().filter(s -> s.name().startsWith("create")).findFirst().orElseThrow().request()
                .send(rep, new java.util.Random(1));

        // Warm the app up (JIT, connection pools, PostgreSQL's buffer cache) before anything is measured.
        int warmAll = Integer.parseInt(options.getOrDefault("warm-all", "60"));
        if (warmAll > 0) {
            log("Warming up with the mixed load for " + warmAll + " s");
            LoadRun.run(scenarios.mixed(), "warm-up", List.of(admin, rep), clients, 0, warmAll, 3);
        }
        List<LoadRun.Result> results = new ArrayList<>();
        if (!singles.isEmpty()) {
            for (Scenario scenario : singles) {
                results.add(report(LoadRun.run(scenario, "admin", List.of(admin), clients, warmup, duration, 7)));
                if (scenario.perView()) {
                    results.add(report(LoadRun.run(scenario, "sales rep", List.of(rep), clients, warmup, duration, 7)));
                }
            }
        }
        LoadRun.Result mixed = null;
        if (mixedDuration > 0) {
            log("Mixed load for " + mixedDuration + " s with " + mixedClients + " clients");
            if (options.containsKey("kill-pid")) {
                killLater(Long.parseLong(options.get("kill-pid")), warmup + Integer.parseInt(
                        options.getOrDefault("kill-after", String.valueOf(mixedDuration / 2))));
            }
            mixed = report(LoadRun.run(scenarios.mixed(), "admin + rep", List.of(admin, rep), mixedClients, warmup,
                    mixedDuration, 11));
        }
        List<String> acknowledged = new ArrayList<>(admin.acknowledged());
        acknowledged.addAll(rep.acknowledged());
        long lost = lostWrites(admin.client(), acknowledged);
        log("Acknowledged creates: " + acknowledged.size() + ", missing afterwards: " + lost);
        if (options.containsKey("acknowledged")) {
            Files.write(Path.of(options.get("acknowledged")), acknowledged, StandardCharsets.UTF_8);
        }
        if (options.containsKey("report")) {
            String table = ResultTable.markdown(options.getOrDefault("label", ""), fixtures, results, mixed,
                    acknowledged.size(), lost, clients, mixedClients, duration, admin.deepCursors(),
                    rep.deepCursors());
            Files.writeString(Path.of(options.get("report")), table, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log("Appended the results to " + options.get("report"));
        }
        if (lost > 0) {
            System.exit(2);
        }
    }

    /** The scale-out check: SIGKILL a node halfway through the measured mixed load. */
    private static void killLater(long pid, int seconds) {
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            ProcessHandle.of(pid).ifPresent(process -> {
                log("Killing pid " + pid + " (SIGKILL) in the middle of the mixed load");
                process.destroyForcibly();
            });
        }, "node-killer");
        killer.setDaemon(true);
        killer.start();
    }

    private static Scenario.User user(String label, KervanClient client, UUID id, boolean admin) {
        return new Scenario.User(label, client, id, admin, List.of(), new ConcurrentLinkedQueue<>(),
                new ConcurrentLinkedQueue<>());
    }

    /** Whether a single scenario runs: all of them, none ("mixed"), or those named by prefix ("search,kanban"). */
    static boolean selected(String only, String scenario) {
        if (only.equals("all")) {
            return true;
        }
        return java.util.Arrays.stream(only.split(",")).map(String::strip)
                .anyMatch(prefix -> !prefix.equals("mixed") && !prefix.isEmpty() && scenario.startsWith(prefix));
    }

    private static Scenario.User withDeep(Scenario.User u, List<Fixtures.DeepCursor> deep) {
        if (deep.isEmpty()) {
            throw new IllegalStateException("No list pages for " + u.label());
        }
        return new Scenario.User(u.label(), u.client(), u.id(), u.admin(), deep, u.created(), u.acknowledged());
    }

    private static UUID myId(KervanClient client) {
        KervanClient.Answer me = client.api("api/v1/users/me");
        return UUID.fromString(Fixtures.firstId(me.body()));
    }

    /** Acknowledged creates (201) that cannot be read back: must be none. */
    static long lostWrites(KervanClient admin, List<String> acknowledged) {
        return acknowledged.parallelStream().filter(id -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                KervanClient.Answer answer = admin.api("api/v1/contacts/" + id);
                if (answer.status() == 200) {
                    return false;
                }
                if (answer.status() == 404) {
                    return true;
                }
            }
            return true;
        }).count();
    }

    private static LoadRun.Result report(LoadRun.Result r) {
        log(String.format("%-28s %-11s %7d req %8.1f/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  errors %d %s"
                + " (runner CPU %.2f ms/req)",
                r.scenario().name(), r.view(), r.latencies().count(), r.throughput(),
                r.latencies().percentileMillis(50), r.latencies().percentileMillis(95),
                r.latencies().percentileMillis(99), r.latencies().errors(),
                r.errorStatuses().isEmpty() ? "" : r.errorStatuses(), r.runnerCpuMillisPerRequest()));
        return r;
    }

    static void log(String line) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
    }
}
