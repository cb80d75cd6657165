package io.kervan.bench.runner;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one scenario with a fixed number of concurrent clients (platform threads: Java 17 has no virtual
 * threads), each sending requests back to back: a warm-up that is not measured, then the measured span.
 */
final class LoadRun {

    /**
     * One measured span. {@code runnerCpuNanos} is the CPU this load generator's process used over it: the generator
     * shares the machine's cores with the app and PostgreSQL, so each table shows what it took from them.
     */
    record Result(Scenario scenario, String view, LatencyRecorder latencies, double seconds,
            Map<Integer, Long> errorStatuses, long runnerCpuNanos) {

        double throughput() {
            return latencies.count() / seconds;
        }

        double runnerCpuMillisPerRequest() {
            return latencies.count() == 0 ? 0 : runnerCpuNanos / 1e6 / latencies.count();
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadRun() {
    }

    static Result run(Scenario scenario, String view, List<Scenario.User> users, int clients, int warmupSeconds,
            int seconds, long seed) throws Exception {
        if (warmupSeconds > 0) {
            measure(scenario, users, clients, warmupSeconds, seed ^ 0x5eed, new ConcurrentHashMap<>());
        }
        Map<Integer, Long> errorStatuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long cpuBefore = OS.getProcessCpuTime();
        LatencyRecorder all = measure(scenario, users, clients, seconds, seed, errorStatuses);
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(scenario, view, all, elapsed, errorStatuses, cpu);
    }

    private static LatencyRecorder measure(Scenario scenario, List<Scenario.User> users, int clients, int seconds,
            long seed, Map<Integer, Long> errorStatuses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong turn = new AtomicLong();
        try {
            List<Future<LatencyRecorder>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random random = new Random(seed * 31 + c);
                futures.add(pool.submit(() -> {
                    LatencyRecorder own = new LatencyRecorder();
                    while (System.nanoTime() < deadline) {
                        Scenario.User user = users.get((int) (turn.getAndIncrement() % users.size()));
                        long sent = System.nanoTime();
                        KervanClient.Answer answer;
                        try {
                            answer = scenario.request().send(user, random);
                        } catch (RuntimeException e) {
                            answer = new KervanClient.Answer(0, e.toString(), null);
                        }
                        boolean error = answer.status() < 200 || answer.status() >= 300;
                        own.record((System.nanoTime() - sent) / 1_000, error);
                        if (error) {
                            errorStatuses.merge(answer.status(), 1L, Long::sum);
                        }
                    }
                    return own;
                }));
            }
            LatencyRecorder all = new LatencyRecorder();
            for (Future<LatencyRecorder> future : futures) {
                all.merge(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
