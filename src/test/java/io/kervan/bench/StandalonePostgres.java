package io.kervan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL 17 server from the same zonky binaries the app embeds, as a process of its own, so that
 * two Kervan nodes can share one database and either node can be killed without taking the database
 * down. {@code java -cp ... io.kervan.bench.StandalonePostgres <dataDir> <port>}; stops on SIGTERM.
 * Durable as an installation's database is ({@code fsync} and {@code synchronous_commit} on, which zonky turns
 * off), so that the benchmark's writes pay what they pay in production.
 */
public final class StandalonePostgres {

    private StandalonePostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench/pg").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 55432;
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "16MB")
                .setServerConfig("effective_cache_size", "4GB").setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min").setRegisterShutdownHook(false).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("PostgreSQL ready on port " + postgres.getPort() + " with data in " + dataDir);
        stopped.await();
    }
}
