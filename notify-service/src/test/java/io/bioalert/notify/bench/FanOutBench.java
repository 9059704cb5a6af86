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
 * every one recorded in the deliveries table first. Each is measured after a warm-up round a tenth its
 * size. Prints figures, asserts nothing.
 * Run with {@code notify-service/bench} (or -Dtest=FanOutBench).
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "sink")})
class FanOutBench {

    private static final int WEBHOOKS = Integer.getInteger("bench.webhooks", 20_000);
    private static final int EMAILS = Integer.getInteger("bench.emails", 3_000);
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
            // A smaller round first, as JMH would: class loading, JIT and opening the pooled connections
            // are paid once per process, not per fan-out.
            run("webhook warm-up", WEBHOOKS / 10, "WEBHOOK", url, "BENCH-" + UUID.randomUUID(), received::get);
            received.set(0);
            run("webhook", WEBHOOKS, "WEBHOOK", url, "BENCH-" + UUID.randomUUID(), received::get);
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
        double before = mailsSent.count();
        run("email warm-up", EMAILS / 10, "EMAIL", "bench-" + UUID.randomUUID() + "@example.org",
                "BENCH-" + UUID.randomUUID(), () -> (int) (mailsSent.count() - before));
        double warmedUp = mailsSent.count();
        run("email", EMAILS, "EMAIL", "bench-" + UUID.randomUUID() + "@example.org", "BENCH-" + UUID.randomUUID(),
                () -> (int) (mailsSent.count() - warmedUp));
        SmtpProcess.Counts mails = ServiceTestResource.smtpProcess().counts();
        System.out.printf("FAN-OUT BENCH email: the SMTP sink received %,d messages, %,d of them repeating a Message-ID%n",
                mails.received(), mails.repeated());
    }

    private void run(String label, int n, String type, String address, String drug,
            java.util.function.IntSupplier delivered) throws Exception {
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
        Thread.sleep(500);
        System.out.printf("FAN-OUT BENCH %s: deliveries table for it: %s%n", label, statuses(a.id()));
        Thread.sleep(15000);
        System.out.printf("FAN-OUT BENCH %s: deliveries table for it: %s%n", label, statuses(a.id()));
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
                    INSERT INTO destination (id, watchlist_id, type, address, secret, status, unsubscribe_token, created_at)
                    SELECT gen_random_uuid(), w.id, ?, ?, 'bench-secret-0123456789', 'ACTIVE',
                           md5(random()::text || w.id::text), now()
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
