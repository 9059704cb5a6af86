package io.bioalert.e2e;

import io.bioalert.testkit.EmbeddedKafka;
import io.bioalert.testkit.Infrastructure;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The producer settings of ingest's publisher, compared where they matter: CPU per record of producer and
 * broker together (both in this JVM, so the figure is this process's CPU time), and of a consumer reading
 * them back, for ~2 KB announcements arriving as ingest's relay hands them over: a stream (batch pushes) or
 * groups of 8 every 4 ms (single pushes sharing a store transaction). Each setting runs twice and the second
 * pass counts (the first warms the JIT). Asserts nothing. Run:
 * {@code ./mvnw -pl bioalert-e2e verify -Pbench -Dit.test=ProducerSettingsBench -Dtest=none}.
 */
class ProducerSettingsBench {

    private static final int RECORDS = Integer.getInteger("bench.records", 20_000);
    /** compression.type, linger.ms, batch.size: Kafka's defaults (with the linger ingest had), then candidates. */
    private static final List<List<String>> SETTINGS = List.of(
            List.of("none", "1", "16384"), List.of("none", "5", "131072"), List.of("lz4", "1", "16384"),
            List.of("lz4", "5", "131072"), List.of("lz4", "20", "131072"), List.of("zstd", "5", "131072"));

    private final Infrastructure infra = Infrastructure.shared();
    private final PushStories stories = new PushStories("producer-bench", 2000);

    @Test
    void cpuPerRecordBySetting() throws Exception {
        for (String arrival : List.of("stream", "groups of 8 every 4 ms")) {
            for (List<String> setting : SETTINGS) {
                measure(arrival, setting, false);
                measure(arrival, setting, true);
            }
        }
    }

    private void measure(String arrival, List<String> setting, boolean print) throws Exception {
        String topic = "producer-bench-" + UUID.randomUUID();
        EmbeddedKafka.createTopics(infra.kafkaBootstrapServers(), 3, List.of(topic));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, setting.get(0),
                ProducerConfig.LINGER_MS_CONFIG, setting.get(1), ProducerConfig.BATCH_SIZE_CONFIG, setting.get(2));
        long produceCpu;
        long nanos;
        double compression;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            CountDownLatch acknowledged = new CountDownLatch(RECORDS);
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = stories.json(i).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, "k" + i, value), (metadata, e) -> acknowledged.countDown());
                if (arrival.startsWith("groups") && i % 8 == 7) {
                    TimeUnit.MILLISECONDS.sleep(4);
                }
            }
            acknowledged.await();
            nanos = System.nanoTime() - t0;
            produceCpu = processCpuNanos() - cpu0;
            compression = producer.metrics().entrySet().stream()
                    .filter(m -> m.getKey().name().equals("compression-rate-avg") && m.getKey().group().equals("producer-metrics"))
                    .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).findFirst().orElse(1);
        }
        long cpu0 = processCpuNanos();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (read < RECORDS && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        long consumeCpu = processCpuNanos() - cpu0;
        if (print) {
            System.out.printf(Locale.ROOT, "producer bench | %-22s | compression %-4s linger.ms %-2s batch.size %-6s:"
                            + " produce + broker %.3f ms CPU/record (%,.0f records/s), consume %.3f ms CPU/record,"
                            + " batches compressed to %.0f%%%n",
                    arrival, setting.get(0), setting.get(1), setting.get(2), produceCpu / 1e6 / RECORDS,
                    RECORDS / (nanos / 1e9), consumeCpu / 1e6 / Math.max(1, read), 100 * compression);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
