package io.bioalert.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Topics;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What batch consumption must keep, against the real broker: a backlog read in batches comes out whole
 * (each record classified or dead-lettered, none skipped), in the order sent per key, and the group's
 * offsets are committed past it once its results are on the broker.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(ServiceTestResource.class)
class ClassifierBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "classifier-service";

    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBacklogWithBadRecordsAmongItComesOutWholeAndItsOffsetsAreCommitted() throws Exception {
        String run = "b-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Set<String> good = new TreeSet<>();
        Set<String> bad = new TreeSet<>();
        List<ProducerRecord<String, String>> backlog = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String id = run + i;
            boolean malformed = i % 10 == 3;
            (malformed ? bad : good).add(id);
            backlog.add(new ProducerRecord<>(Topics.RAW, id, malformed ? "{\"id\": \"" + id + "\"," : raw(id, "Story " + i)));
        }
        send(backlog);

        Map<String, List<String>> out = read(List.of(Topics.CLASSIFIED, Topics.RAW_DLQ), r -> r.key().startsWith(run),
                good.size() + bad.size());
        assertThat(new TreeSet<>(out.get(Topics.CLASSIFIED))).isEqualTo(good);
        assertThat(new TreeSet<>(out.get(Topics.RAW_DLQ))).isEqualTo(bad);
        assertThat(largestBatch()).as("records were handled in batches, not one by one").isGreaterThan(1);

        // Everything produced so far is handled, so the committed offsets reach the end of every partition.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var partitions = admin.describeTopics(List.of(Topics.RAW)).allTopicNames().get().get(Topics.RAW).partitions()
                    .stream().map(p -> new TopicPartition(Topics.RAW, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get();
            await().atMost(WAIT).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                for (TopicPartition p : partitions) {
                    long end = ends.get(p).offset();
                    long at = committed.containsKey(p) ? committed.get(p).offset() : 0;
                    assertThat(at).as("committed offset of %s", p).isGreaterThanOrEqualTo(end);
                }
            });
        }
    }

    @Test
    void versionsOfOneAnnouncementComeOutInTheOrderSent() throws Exception {
        String id = "o-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> versions = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            titles.add("Version " + i);
            versions.add(new ProducerRecord<>(Topics.RAW, id, raw(id, "Version " + i)));
        }
        send(versions);

        List<ConsumerRecord<String, String>> out = readRecords(List.of(Topics.CLASSIFIED), r -> id.equals(r.key()), titles.size());
        List<String> seen = new ArrayList<>();
        for (ConsumerRecord<String, String> r : out) {
            seen.add(json.readTree(r.value()).path("announcement").path("title").asText());
        }
        assertThat(seen).isEqualTo(titles);
    }

    /** The largest batch the processor was handed, from its metric. */
    private static double largestBatch() {
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("bioalert_classifier_batch_records_max"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(0);
    }

    private String raw(String id, String title) {
        return json.createObjectNode().put("schemaVersion", 1).put("id", id).put("title", title)
                .put("body", "Vela Oncology announced that the NMPA has approved the IND application of VL-22, "
                        + "a TROP2-directed ADC.")
                .put("publishedAt", "2026-05-04").put("source", "test").toString();
    }

    private void send(List<ProducerRecord<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            records.forEach(r -> acks.add(producer.send(r)));
            for (var ack : acks) {
                ack.get();
            }
        }
    }

    /** Keys of the matching records per topic, once {@code count} of them were read or the wait is over. */
    private Map<String, List<String>> read(List<String> topics, Predicate<ConsumerRecord<String, String>> match, int count) {
        Map<String, List<String>> keys = new java.util.HashMap<>();
        topics.forEach(t -> keys.put(t, new ArrayList<>()));
        readRecords(topics, match, count).forEach(r -> keys.get(r.topic()).add(r.key()));
        return keys;
    }

    private List<ConsumerRecord<String, String>> readRecords(List<String> topics,
            Predicate<ConsumerRecord<String, String>> match, int count) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 10 * 1024 * 1024),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        seen.add(r);
                    }
                }
            }
        }
        return seen;
    }
}
