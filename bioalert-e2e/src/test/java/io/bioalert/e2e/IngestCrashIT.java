package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.EmbeddedKafka;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * ingest-service is killed (no shutdown, like a crash or an OOM kill) in the middle of a 10,000-story batch
 * push with several batch requests in flight, started again, and the client pushes what it had not got an
 * answer for, as a client would. Every story acknowledged with a 202 is then on the topic; a story appears
 * twice only when its row was stored but not yet marked published at the moment of the kill (the broker had
 * it, or was about to, but the mark died with the process), and the number of such repeats is printed.
 *
 * <p>Its own ingest process, database and topic, so that the shared stack's services neither see these
 * stories nor lose their own to the kill. A claim of 20 s makes the restarted instance's sweep take over
 * what the dead one held within seconds rather than the production minute.
 */
@RealInfrastructure
class IngestCrashIT {

    private static final int STORIES = 10_000;
    private static final int BATCH = 250;
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER = 3_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Infrastructure infra = Infrastructure.shared();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String database = "e2e_ingest_crash_" + run;
    private final String topic = "ingest-crash-" + run + ".raw";
    private final String key = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final PushStories stories = new PushStories(run, 800);
    /** Every id a 202 answered, with the batch it came from. */
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    /** Answers other than 202: none expected, before or after the kill. */
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

    @Test
    void killingIngestMidBatchPushLosesNoAcknowledgedStory() throws Exception {
        EmbeddedKafka.createTopics(infra.kafkaBootstrapServers(), 3, List.of(topic));
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "INGEST_DB_URL", infra.postgres().jdbcUrl(database),
                "DB_USER", infra.postgres().user(),
                "DB_PASSWORD", infra.postgres().password(),
                "INGEST_API_KEY_HASHES", sha256Hex(key),
                "BIOALERT_PUBLISH_TOPIC", topic,
                "BIOALERT_PUBLISH_CLAIM", "20s");
        ServiceProcess ingest = new ServiceProcess("ingest-service", env, "ingest-crash").start();

        int batches = STORIES / BATCH;
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> unanswered = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    if (!push(ingest, b)) {
                        unanswered.add(b);
                        return; // the process is gone
                    }
                }
            });
        }
        // Mid-push, with the relay in its stride: stories acknowledged, some already marked published.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while ((acknowledged.size() < KILL_AFTER || published() < KILL_AFTER / 3) && System.nanoTime() < deadline) {
            ServiceProcess.sleep(20);
        }
        ingest.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int acknowledgedAtKill = acknowledged.size();
        Set<String> unmarkedAtKill = ids("SELECT id FROM announcement WHERE published_to_kafka_at IS NULL");
        long storedAtKill = ids("SELECT id FROM announcement").size();
        assertThat(acknowledgedAtKill).as("killed mid-push").isBetween(KILL_AFTER, STORIES - 1);
        assertThat(unanswered).as("batch requests in flight at the kill").isNotEmpty();

        ServiceProcess restarted = new ServiceProcess("ingest-service", env, "ingest-crash-restarted").start();
        try {
            List<Integer> rest = new ArrayList<>(unanswered);
            for (int b = Math.min(next.get(), batches); b < batches; b++) {
                rest.add(b);
            }
            for (int b : rest) {
                assertThat(push(restarted, b)).as("batch %d after the restart", b).isTrue();
            }
            assertThat(refusals).isEmpty();
            assertThat(acknowledged).hasSize(STORIES);
            waitUntilAllPublished(Duration.ofSeconds(180));
        } finally {
            restarted.close();
        }

        Map<String, Integer> onTopic = readTopic();
        assertThat(onTopic.keySet()).containsAll(acknowledged.keySet());
        Set<String> repeated = new HashSet<>();
        onTopic.forEach((id, count) -> {
            if (count > 1) {
                repeated.add(id);
            }
        });
        assertThat(unmarkedAtKill).as("every repeat was stored but unmarked when the process died")
                .containsAll(repeated);
        System.out.printf("ingest crash: %d stories, %d acknowledged and %d stored when killed with %d batch requests"
                        + " in flight, %d of them not yet marked published; after the restart all %d on the topic,"
                        + " %d of them twice or more%n", STORIES, acknowledgedAtKill, storedAtKill, unanswered.size(),
                unmarkedAtKill.size(), onTopic.size(), repeated.size());
    }

    /** True when ingest answered (a 202's ids recorded, anything else a refusal); false when the connection failed. */
    private boolean push(ServiceProcess ingest, int batch) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url("/api/announcements/batch")))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(stories.batchJson(batch * BATCH, (batch + 1) * BATCH)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                refusals.add("batch " + batch + ": " + r.statusCode() + " " + r.body());
                return true;
            }
            Api.readTree(r.body()).forEach(item -> acknowledged.put(item.path("id").asText(), batch));
            return true;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long published() throws Exception {
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(database), infra.postgres().user(),
                infra.postgres().password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM announcement WHERE published_to_kafka_at IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void waitUntilAllPublished(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ids("SELECT id FROM announcement WHERE published_to_kafka_at IS NULL").isEmpty()) {
            assertThat(System.nanoTime()).as("everything published within %s", timeout).isLessThan(deadline);
            ServiceProcess.sleep(250);
        }
    }

    private Set<String> ids(String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(database), infra.postgres().user(),
                infra.postgres().password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** How often each key is on the topic, read from the beginning to its current end. */
    private Map<String, Integer> readTopic() {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-reader-" + run,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read %s to its end", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
            }
        }
        return counts;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
