package io.bioalert.e2e;

import io.bioalert.testkit.Infrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * ingest-service alone: one process on the shared broker and PostgreSQL, K clients pushing ~2 KB stories
 * flat out, one story per request and then batches, each phase until everything accepted is also published.
 * Prints stories/s accepted, when the last was published, and the CPU per story of ingest, of its
 * PostgreSQL backends and of this JVM (the broker and the clients). Asserts nothing about speed. Run with {@code bin/bench-ingest}; to compare with
 * another build, {@code -Dbench.ingest.jar=<its quarkus-app/quarkus-run.jar> -Dbench.label=before}.
 */
class IngestPushBench {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 30);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Infrastructure infra = Infrastructure.shared();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String database = "bench_ingest_" + run;
    private final String key = UUID.randomUUID().toString() + UUID.randomUUID();
    private final PushStories stories = new PushStories(run, 2000);
    private final AtomicInteger sequence = new AtomicInteger();
    private ServiceProcess ingest;

    @Test
    void storiesPerSecondAndCpuPerStory() throws Exception {
        Path jar = Path.of(System.getProperty("bench.ingest.jar",
                ServiceProcess.projectRoot().resolve("ingest-service/target/quarkus-app/quarkus-run.jar").toString()));
        String label = System.getProperty("bench.label", "this build");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "INGEST_DB_URL", infra.postgres().jdbcUrl(database),
                "DB_USER", infra.postgres().user(),
                "DB_PASSWORD", infra.postgres().password(),
                "INGEST_API_KEY_HASHES", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(StandardCharsets.UTF_8))));
        ingest = new ServiceProcess("ingest-service", env, "ingest-bench", jar).start();
        try {
            phase(label, "warm-up, single pushes, " + CLIENTS + " clients", CLIENTS, 1, WARMUP_SECONDS);
            phase(label, "single pushes, " + CLIENTS + " clients", CLIENTS, 1, SECONDS);
            phase(label, "batches of " + BATCH + ", " + CLIENTS / 2 + " clients", CLIENTS / 2, BATCH, SECONDS);
        } finally {
            ingest.close();
        }
    }

    private void phase(String label, String name, int clients, int perRequest, int seconds) throws Exception {
        Duration cpu0 = ingest.cpu();
        Duration pg0 = postgresCpu();
        Duration own0 = ownCpu();
        double[] groups0 = storeGroups();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    int first = sequence.getAndAdd(perRequest);
                    if (perRequest == 1) {
                        post("/api/announcements", stories.json(first));
                    } else {
                        post("/api/announcements/batch", stories.batchJson(first, first + perRequest));
                    }
                    accepted.addAndGet(perRequest);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        long acceptedNanos = System.nanoTime() - start;
        awaitPublished();
        long publishedNanos = System.nanoTime() - start;
        int n = accepted.get();
        double ingestMs = ingest.cpu().minus(cpu0).toNanos() / 1e6;
        double pgMs = postgresCpu().minus(pg0).toNanos() / 1e6;
        double ownMs = ownCpu().minus(own0).toNanos() / 1e6;
        double[] groups1 = storeGroups();
        double groups = groups1[0] - groups0[0];
        System.out.printf(Locale.ROOT, "ingest bench | %s | %s: %,d stories accepted in %.1f s = %,.0f/s, all published"
                        + " after %.1f s; CPU per story: ingest %.2f ms (%.2f cores), PostgreSQL %.2f ms,"
                        + " this JVM (broker, clients) %.2f ms; %s%n",
                label, name, n, acceptedNanos / 1e9, n / (acceptedNanos / 1e9), publishedNanos / 1e9, ingestMs / n,
                ingestMs / (publishedNanos / 1e6), pgMs / n, ownMs / n, groups > 0
                        ? String.format(Locale.ROOT, "%.1f stories per store transaction", (groups1[1] - groups0[1]) / groups)
                        : "one store transaction per story");
    }

    private void post(String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url(path)))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until no stored row waits for the broker (publishing is asynchronous since the batch path). */
    private void awaitPublished() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(database), infra.postgres().user(),
                infra.postgres().password()); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM announcement"
                        + " WHERE published_to_kafka_at IS NULL AND poisoned_at IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                ServiceProcess.sleep(20);
            }
        }
        throw new IllegalStateException("stories still unpublished after 300 s");
    }

    /** Store transactions so far and the stories they held, from ingest's metrics (zeros before the batch path). */
    private double[] storeGroups() {
        double[] countAndSum = new double[2];
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("bioalert_ingest_store_batch_stories_count")) {
                    countAndSum[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("bioalert_ingest_store_batch_stories_sum")) {
                    countAndSum[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return countAndSum;
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU of the PostgreSQL backends serving this database: their process titles name it (Linux's /proc). */
    private Duration postgresCpu() {
        return ProcessHandle.allProcesses()
                .filter(p -> title(p.pid()).contains(database))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static String title(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return ""; // gone, or not Linux
        }
    }
}
