package io.bioalert.e2e;

import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.Infrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * End-to-end latency and throughput, ingest accepted → webhook received, across the three service
 * processes on this machine. Prints figures; asserts nothing about speed. Run with {@code bin/bench-e2e}.
 */
class EndToEndBench {

    private static final String[] WORDS = ("patients cohort dose response safety tolerability efficacy phase study "
            + "tumor biomarker enrollment median survival progression interim analysis primary endpoint secondary "
            + "regimen infusion weekly monthly oral subcutaneous expansion escalation partner license milestone "
            + "manufacturing supply pipeline platform conjugate payload linker antibody receptor pathway signal "
            + "clinic hospital investigator site region country quarter revenue guidance update meeting data").split(" ");

    /** About the size of a bench story's JSON as ingest publishes it; the bare relay moves records of this size. */
    static final int STORY_BYTES = 2300;
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 300);

    private final E2eStack stack = E2eStack.get();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void latencyAtFiftyPerSecondAndSustainedThroughput() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hookPath = "/bench-" + run;
        stack.webhooks.respondWith(r -> HttpSink.Response.ok("ok"));
        String token = Api.post(stack.notify.url("/api/subscribers"), null,
                "{\"email\": \"bench-" + run + "@example.org\"}", 201).path("token").asText();
        Api.post(stack.notify.url("/api/watchlists"), token, """
                {"name": "bench", "filter": {"keywords": ["benchmark%s"]},
                 "destinations": [{"type": "WEBHOOK", "url": "%s", "ratePerMinute": 600000}]}
                """.formatted(run, stack.webhooks.url(hookPath)), 201);
        ServiceProcess.sleep(2500);

        // Warm-up, as JMH would: the JIT of four JVMs on two cores, connection pools, consumer assignment.
        // After 5 s at 20/s the compilers were still at work during the measured phase (p99 at 50/s was
        // 377 ms); C2 in all four takes minutes to settle here.
        int warmed = pushFlatOut(run, 8, WARMUP_SECONDS);
        awaitDelivered(hookPath, warmed, 180);
        System.out.printf("warm-up, 8 clients flat out for %d s: %d accepted%n", WARMUP_SECONDS, warmed);
        sentAt.clear();
        stack.webhooks.clear();

        Map<String, java.time.Duration> cpuAtRate = cpuNow();
        long start = System.nanoTime();
        pushAtRate(run, 50, 20);
        awaitDelivered(hookPath, sentAt.size(), 60);
        report("50 announcements/s for 20 s", latenciesMillis(hookPath), System.nanoTime() - start);
        reportCpu("50 announcements/s for 20 s", cpuAtRate, System.nanoTime() - start);

        sentAt.clear();
        stack.webhooks.clear();
        Map<String, java.time.Duration> cpuBefore = cpuNow();
        start = System.nanoTime();
        int pushed = pushFlatOut(run, 8, 20);
        long pushNanos = System.nanoTime() - start;
        awaitDelivered(hookPath, pushed, 180);
        long allNanos = System.nanoTime() - start;
        System.out.printf("flat out, 8 clients for 20 s: %d accepted (%.0f/s), all delivered after %.1f s (%.0f/s end to end)%n",
                pushed, pushed / (pushNanos / 1e9), allNanos / 1e9, pushed / (allNanos / 1e9));
        report("flat out", latenciesMillis(hookPath), allNanos);
        reportCpu("flat out", cpuBefore, allNanos);

        // The ceiling, in the same run on the same broker: three bare Kafka hops with records of the same size.
        BareRelay relay = new BareRelay(stack.infra.kafkaBootstrapServers(), STORY_BYTES);
        double endToEnd = pushed / (allNanos / 1e9);
        for (int partitions : java.util.stream.IntStream.of(1, 2, Infrastructure.partitions()).distinct().toArray()) {
            BareRelay.Result r = relay.run(partitions, 20);
            System.out.printf("%s; BioAlert (%d partitions) reached %.0f%% of it%n",
                    r.summary(), Infrastructure.partitions(), 100 * endToEnd / r.perSecond());
        }
    }

    /** Each service's CPU over a phase, in cores (1.0 = one core busy the whole time). */
    private void reportCpu(String phase, Map<String, java.time.Duration> before, long elapsedNanos) {
        StringBuilder line = new StringBuilder(phase + ": CPU in cores");
        for (ServiceProcess service : stack.services()) {
            long used = service.cpu().minus(before.get(service.module())).toNanos();
            line.append(String.format(", %s %.2f", service.module(), used / (double) elapsedNanos));
        }
        System.out.println(line);
    }

    private Map<String, java.time.Duration> cpuNow() {
        Map<String, java.time.Duration> cpu = new java.util.HashMap<>();
        for (ServiceProcess service : stack.services()) {
            cpu.put(service.module(), service.cpu());
        }
        return cpu;
    }

    private void pushAtRate(String run, int perSecond, int seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long intervalNanos = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < perSecond * seconds; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.execute(() -> push(run));
            next += intervalNanos;
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    private int pushFlatOut(String run, int clients, int seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger count = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    push(run);
                    count.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return count.get();
    }

    private void push(String run) {
        int n = sequence.incrementAndGet();
        long t0 = System.nanoTime();
        String id = Api.post(stack.ingest.url("/api/announcements"), stack.ingestKey, """
                {"title": "Acme Bio receives FDA Fast Track for AB-%1$d", "source": "bench",
                 "body": "Acme Bio announced that the FDA granted Fast Track designation to AB-%1$d, an oral small molecule KRAS G12C inhibitor (benchmark%2$s).%3$s",
                 "url": "https://bench.example.org/%2$s/%1$d"}
                """.formatted(n, run, filler(n)), 202).path("id").asText();
        sentAt.put(id, t0);
    }

    /** About 2 KB of words that differ from story to story, so near-duplicate detection keeps each one. */
    static String filler(int seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        while (text.length() < 2000) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private void awaitDelivered(String hookPath, int expected, int timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline && hooks(hookPath).size() < expected) {
            ServiceProcess.sleep(100);
        }
    }

    private List<HttpSink.Request> hooks(String hookPath) {
        return stack.webhooks.requests().stream().filter(r -> r.path().equals(hookPath)).toList();
    }

    private List<Double> latenciesMillis(String hookPath) {
        List<Double> out = new ArrayList<>();
        for (HttpSink.Request r : hooks(hookPath)) {
            Long t0 = sentAt.get(Api.readTree(r.body()).path("announcement").path("announcement").path("id").asText());
            if (t0 != null) {
                out.add((r.receivedAtNanos() - t0) / 1e6);
            }
        }
        Collections.sort(out);
        return out;
    }

    private void report(String phase, List<Double> millis, long elapsedNanos) {
        if (millis.isEmpty()) {
            System.out.printf("%s: nothing delivered%n", phase);
            return;
        }
        System.out.printf("%s: %d of %d delivered in %.1f s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                phase, millis.size(), sentAt.size(), elapsedNanos / 1e9, pct(millis, 50), pct(millis, 95),
                pct(millis, 99), millis.get(millis.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
