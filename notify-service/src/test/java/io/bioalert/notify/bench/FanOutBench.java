package io.bioalert.notify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.Topics;
import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.notify.matching.WatchlistIndex;
import io.bioalert.testkit.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.bioalert.testkit.SmtpProcess;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Fan-out benchmark on the real path: one classified announcement on Kafka matches N watchlists, each with
 * its own destination; the figure is deliveries per second from publish until the receiver has them all,
 * every one recorded in the deliveries table first. Each channel runs full-size warm-up rounds, then
 * measured rounds, and prints each round and their median. Prints figures, asserts nothing.
 * Run with {@code notify-service/bench} (or -Dtest=FanOutBench).
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "sink")})
class FanOutBench {

    private static final int WEBHOOKS = Integer.getInteger("bench.webhooks", 20_000);
    private static final int EMAILS = Integer.getInteger("bench.emails", 3_000);
    /** Measured rounds per channel, each after the same warm-up; the median is the figure to quote. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /**
     * Full-size warm-up rounds per channel, as JMH's warm-up iterations: class loading, opening pooled
     * connections and above all the JIT are paid once per process, not per fan-out. With one warm-up
     * round, C2 was still compiling the HTTP path (Netty's pipeline, the receiver's exchange) for up to a
     * second per method during the measured rounds, and the compiler threads took more CPU than the
     * event loops that send.
     */
    private static final int WARMUPS = Integer.getInteger("bench.warmups", 2);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    DataSource dataSource;

    @Inject
    WatchlistIndex index;

    @Inject
    MeterRegistry registry;


    /** One producer for all runs, so that connecting it is not part of any measured fan-out. */
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    @Test
    void webhooksAndEmails() throws Exception {
        AtomicInteger received = new AtomicInteger();
        AtomicInteger repeated = new AtomicInteger();
        Set<String> deliveryIds = ConcurrentHashMap.newKeySet();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        sink.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
                received.incrementAndGet();
                if (!deliveryIds.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"))) {
                    repeated.incrementAndGet();
                }
            }
        });
        var executor = Executors.newFixedThreadPool(8);
        sink.setExecutor(executor);
        sink.start();
        try {
            String url = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook";
            for (int round = 1; round <= WARMUPS; round++) {
                received.set(0);
                run("webhook warm-up " + round, WEBHOOKS, "WEBHOOK", url, received::get);
            }
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                received.set(0);
                rates.add(run("webhook round " + round, WEBHOOKS, "WEBHOOK", url, received::get));
            }
            printMedian("webhook", rates);
            System.out.printf("FAN-OUT BENCH webhook: the receiver saw %,d distinct delivery ids, %,d requests repeated one%n",
                    deliveryIds.size(), repeated.get());
        } finally {
            sink.stop(0);
            executor.shutdownNow();
        }
        // Counted by the service's own counter of mails the SMTP server accepted: asking the sink for its
        // messages, or the deliveries table for its SENT rows, every few milliseconds would cost the very
        // machine being measured. The table is checked once at the end of each run.
        Counter mailsSent = registry.counter("bioalert.notify.deliveries.sent", "channel", "email");
        for (int round = 1; round <= WARMUPS; round++) {
            double start = mailsSent.count();
            run("email warm-up " + round, EMAILS, "EMAIL", "bench-" + UUID.randomUUID() + "@example.org",
                    () -> (int) (mailsSent.count() - start));
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double start = mailsSent.count();
            rates.add(run("email round " + round, EMAILS, "EMAIL", "bench-" + UUID.randomUUID() + "@example.org",
                    () -> (int) (mailsSent.count() - start)));
        }
        printMedian("email", rates);
        SmtpProcess.Counts mails = ServiceTestResource.smtpProcess().counts();
        System.out.printf("FAN-OUT BENCH email: the SMTP sink received %,d messages, %,d of them repeating a Message-ID%n",
                mails.received(), mails.repeated());
    }

    private static void printMedian(String channel, List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf("FAN-OUT BENCH %s: median of %d rounds %,.0f/s (lowest %,.0f/s, highest %,.0f/s)%n", channel,
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** One fan-out of a fresh announcement to {@code n} new watchlists; returns deliveries per second from publish. */
    private double run(String label, int n, String type, String address, java.util.function.IntSupplier delivered)
            throws Exception {
        String drug = "BENCH-" + UUID.randomUUID();
        long setup = System.nanoTime();
        createWatchlists(n, type, address, drug);
        index.refresh();
        System.out.printf("%nFAN-OUT BENCH %s: %,d watchlists with one %s destination each created in %,d ms%n",
                label, n, type, (System.nanoTime() - setup) / 1_000_000);

        ClassifiedAnnouncement a = TestAnnouncements.her2Btd(drug);
        long[] cpuBefore = cpuTimes();
        long t0 = System.nanoTime();
        producer.send(new ProducerRecord<>(Topics.CLASSIFIED, a.id(), JSON.writeValueAsString(a))).get();
        long firstAt = 0;
        long deadline = t0 + 300_000_000_000L;
        while (delivered.getAsInt() < n && System.nanoTime() < deadline) {
            if (firstAt == 0 && delivered.getAsInt() > 0) {
                firstAt = System.nanoTime();
            }
            Thread.sleep(5);
        }
        long t1 = System.nanoTime();
        long[] cpuAfter = cpuTimes();
        int got = delivered.getAsInt();
        double seconds = (t1 - t0) / 1e9;
        double fromFirst = firstAt == 0 ? seconds : (t1 - firstAt) / 1e9;
        System.out.printf("FAN-OUT BENCH %s: %,d of %,d delivered in %.2f s from publish: %,.0f/s "
                + "(first arrived after %.0f ms; %,.0f/s from then on)%n", label, got, n, seconds, got / seconds,
                firstAt == 0 ? 0 : (firstAt - t0) / 1e6, got / fromFirst);
        if (cpuBefore != null && cpuAfter != null) {
            // On a shared virtual machine the host may take part of the CPU ("steal"): figures taken while it
            // does are not comparable with quiet ones.
            double total = cpuAfter[0] - cpuBefore[0];
            System.out.printf("FAN-OUT BENCH %s: machine CPU during the run: %.0f%% busy, %.0f%% idle, %.0f%% taken by the host%n",
                    label, 100 * (cpuAfter[1] - cpuBefore[1]) / total, 100 * (cpuAfter[2] - cpuBefore[2]) / total,
                    100 * (cpuAfter[3] - cpuBefore[3]) / total);
        }
        // Read once the last outcomes are written, and again later: a row still SENDING or sent twice shows here.
        Thread.sleep(500);
        System.out.printf("FAN-OUT BENCH %s: deliveries table for it: %s%n", label, statuses(a.id()));
        Thread.sleep(5000);
        System.out.printf("FAN-OUT BENCH %s: deliveries table for it 5 s later: %s%n", label, statuses(a.id()));
        return got / seconds;
    }

    private void createWatchlists(int n, String type, String address, String drug) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            UUID subscriber = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO subscriber (id, email, name, token_hash, created_at)
                    VALUES (?, 'bench@example.org', 'bench', md5(random()::text) || md5(random()::text), now())""")) {
                ps.setObject(1, subscriber);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH w AS (
                        INSERT INTO watchlist (id, subscriber_id, name, filter_json, digest, created_at, updated_at, change_seq)
                        SELECT gen_random_uuid(), ?, 'bench ' || g, ?, 'IMMEDIATE', now(), now(),
                               nextval('watchlist_change_seq')
                        FROM generate_series(1, ?) g
                        RETURNING id)
                    INSERT INTO destination (id, watchlist_id, type, address, secret, status, created_at)
                    SELECT gen_random_uuid(), w.id, ?, ?, 'bench-secret-0123456789', 'ACTIVE', now()
                    FROM w""")) {
                ps.setObject(1, subscriber);
                ps.setString(2, "{\"drugs\":[\"" + drug + "\"]}");
                ps.setInt(3, n);
                ps.setString(4, type);
                ps.setString(5, address);
                ps.executeUpdate();
            }
        }
    }

    /** Total, busy, idle and steal jiffies of all CPUs from /proc/stat, or null where there is none. */
    private static long[] cpuTimes() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]) + Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
            return new long[] {user + nice + system + idle + irq + steal, user + nice + system + irq, idle, steal};
        } catch (Exception e) {
            return null;
        }
    }

    private String statuses(String announcementId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT status, count(*), count(*) FILTER (WHERE attempts > 1 OR last_error IS NOT NULL), min(last_error)
                        FROM delivery WHERE announcement_id = ? GROUP BY status ORDER BY status""")) {
            ps.setString(1, announcementId);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('=').append(rs.getInt(2));
                    if (rs.getInt(3) > 0) {
                        out.append(" (").append(rs.getInt(3)).append(" tried more than once or failing, e.g. ").append(rs.getString(4)).append(')');
                    }
                    out.append(' ');
                }
            }
            return out.toString().trim();
        }
    }
}
