package io.bioalert.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Topics;
import io.bioalert.testkit.EmbeddedKafka;
import io.bioalert.testkit.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The classifier stage alone: a backlog of stories on {@code announcements.raw}, one classifier-service
 * process, and the rate at which classified records reach {@code announcements.classified}, with the CPU
 * the process used per story. What a replay of history meets, and the classifier's share of the pipeline's
 * cost. {@code ./mvnw -pl bioalert-e2e verify -Pbench -Dit.test=ClassifierStageBench} after an install.
 */
class ClassifierStageBench {

    private static final int BACKLOG = Integer.getInteger("bench.backlog", 20_000);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void backlogThroughTheClassifier() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            EmbeddedKafka.createTopics(kafka.bootstrapServers(), Infrastructure.partitions(), Infrastructure.TOPICS);
            try (ServiceProcess classifier = new ServiceProcess("classifier-service",
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())).start();
                 KafkaConsumer<String, String> out = consumer(kafka.bootstrapServers())) {
                out.subscribe(List.of(Topics.CLASSIFIED));
                while (out.assignment().isEmpty()) {
                    out.poll(Duration.ofMillis(100));
                }
                // "latest" is looked up lazily: fix it now, or the first stories classified would be skipped.
                out.assignment().forEach(out::position);
                for (int round = 1; round <= 3; round++) { // the first rounds are the JIT's
                    produce(kafka.bootstrapServers(), BACKLOG);
                    java.time.Duration cpu0 = classifier.cpu();
                    long t0 = System.nanoTime();
                    int seen = 0;
                    while (seen < BACKLOG && System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
                        seen += out.poll(Duration.ofMillis(100)).count();
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpuMs = classifier.cpu().minus(cpu0).toNanos() / 1e6;
                    System.out.printf("classifier stage, round %d: %d of %d classified in %.1f s (%.0f/s), %.2f ms CPU per story%n",
                            round, seen, BACKLOG, seconds, seen / seconds, cpuMs / Math.max(1, seen));
                }
            }
        }
    }

    private void produce(String bootstrap, int count) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                String id = run + "-" + i;
                // A RawAnnouncement as ingest writes it (schemaVersion 1).
                Map<String, Object> a = Map.of("schemaVersion", 1, "id", id,
                        "title", "Acme Bio receives FDA Fast Track for AB-" + i,
                        "body", "Acme Bio announced that the FDA granted Fast Track designation to AB-" + i
                                + ", an oral small molecule KRAS G12C inhibitor for non-small cell lung cancer."
                                + EndToEndBench.filler(i),
                        "url", "https://bench.example.org/" + id, "publishedAt", LocalDate.now().toString(),
                        "source", "bench", "ingestedAt", Instant.now().toString(), "language", "en");
                producer.send(new ProducerRecord<>(Topics.RAW, id, json.writeValueAsString(a)));
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "stage-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
