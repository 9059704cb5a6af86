package io.bioalert.classifier.service.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.testkit.EmbeddedKafka;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.RealInfrastructure;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The results' producer settings, compared the way the classifier sends: a batch of classified
 * announcements (real classifier output, ~2 KB of JSON each) sent at once, then a wait until the broker
 * has acknowledged all of them, before the next batch (the consumer's commit waits on that). Per setting
 * and batch size: batches/s and records/s, the wait for a batch's acknowledgements (median), CPU of producer
 * and broker together per record (both in this JVM) and the bytes left after compression. Each setting runs
 * twice and the second pass counts (the first warms the JIT). Asserts nothing; not run by the build:
 * {@code ./mvnw -pl classifier-service test -Dtest=ClassifierProducerBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@RealInfrastructure
class ClassifierProducerBench {

    private static final int RECORDS = Integer.getInteger("bench.records", 20_000);
    /** Batch sizes: a story arriving alone, a burst, a full poll (max.poll.records). */
    private static final List<Integer> BATCHES = List.of(1, 50, 500);
    /** compression.type, linger.ms, batch.size: what the classifier had (SmallRye's defaults with linger 1), then candidates. */
    private static final List<List<String>> SETTINGS = List.of(
            List.of("none", "1", "16384"), List.of("none", "5", "131072"), List.of("lz4", "0", "131072"),
            List.of("lz4", "5", "131072"), List.of("lz4", "20", "131072"), List.of("zstd", "5", "131072"));

    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();

    @Test
    void costPerRecordBySettingAndBatch() throws Exception {
        List<String> values = classifiedValues(500);
        for (int batch : BATCHES) {
            for (List<String> setting : SETTINGS) {
                measure(values, batch, setting, false);
                measure(values, batch, setting, true);
            }
        }
    }

    private void measure(List<String> values, int batch, List<String> setting, boolean print) throws Exception {
        String topic = "classifier-producer-bench-" + UUID.randomUUID();
        EmbeddedKafka.createTopics(bootstrap, 3, List.of(topic));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, setting.get(0),
                ProducerConfig.LINGER_MS_CONFIG, setting.get(1), ProducerConfig.BATCH_SIZE_CONFIG, setting.get(2));
        // a story arriving alone is sent a few hundred times, not RECORDS times: each waits for its answer
        int records = batch == 1 ? Math.min(RECORDS, 500) : RECORDS;
        int batches = records / batch;
        long[] waits = new long[batches];
        double compression;
        long cpu0;
        long t0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.partitionsFor(topic);
            cpu0 = processCpuNanos();
            t0 = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                List<CompletableFuture<Void>> acks = new ArrayList<>(batch);
                long sent = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    int n = b * batch + i;
                    CompletableFuture<Void> ack = new CompletableFuture<>();
                    producer.send(new ProducerRecord<>(topic, "k" + n, values.get(n % values.size())), (m, e) -> {
                        if (e == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(e);
                        }
                    });
                    acks.add(ack);
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
                waits[b] = System.nanoTime() - sent;
            }
            compression = producer.metrics().entrySet().stream()
                    .filter(m -> m.getKey().name().equals("compression-rate-avg") && m.getKey().group().equals("producer-metrics"))
                    .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).findFirst().orElse(1);
        }
        long nanos = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        if (print) {
            Arrays.sort(waits);
            System.out.printf(Locale.ROOT, "classifier producer bench | batch %3d | compression %-4s linger.ms %-2s batch.size %-6s:"
                            + " %,8.0f records/s, batch acknowledged after %6.2f ms (median), produce + broker %.3f ms CPU/record,"
                            + " bytes %3.0f%%%n",
                    batch, setting.get(0), setting.get(1), setting.get(2), records / (nanos / 1e9),
                    waits[waits.length / 2] / 1e6, cpu / 1e6 / records, 100 * compression);
        }
    }

    /** Real results: the classifier's output for varied stories, as ResultPublisher sends it. */
    private static List<String> classifiedValues(int count) throws Exception {
        AnnouncementClassifier classifier = AnnouncementClassifier.fromResources();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String[] drugs = {"a HER2-targeting antibody-drug conjugate (ADC)", "an oral small molecule KRAS G12C inhibitor",
                "a PD-1/VEGF bispecific antibody", "an autologous CD19 CAR-T cell therapy", "a TROP2-directed ADC"};
        String[] events = {"granted Breakthrough Therapy Designation to", "approved the IND application of",
                "accepted the Biologics License Application for", "granted Fast Track designation to"};
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "bench-" + i;
            String body = "Acme Bio " + i + " today announced that the U.S. Food and Drug Administration (FDA) has "
                    + events[i % events.length] + " AB-" + i + ", " + drugs[i % drugs.length] + ", for patients with "
                    + "advanced solid tumors who progressed after prior therapy. The decision is based on data from "
                    + "the Phase 1/2 AB-" + i + "-101 study (NCT0" + (5000000 + i) + "), which enrolled " + (40 + i % 200)
                    + " patients. \"This is an important milestone for patients,\" said the company's chief medical "
                    + "officer. Acme Bio plans to start a registrational study in 2027. About AB-" + i + ": AB-" + i
                    + " is designed to deliver a potent payload to tumor cells while sparing healthy tissue. About Acme "
                    + "Bio: Acme Bio is a clinical-stage company developing targeted therapies for cancer. "
                    + "Forward-looking statements: this press release contains forward-looking statements that "
                    + "involve risks and uncertainties; actual results may differ materially.";
            RawAnnouncement raw = new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, id, "Acme Bio announces news on AB-" + i,
                    body, "https://bench.example.org/" + id, List.of("https://bench.example.org/" + id), LocalDate.now(),
                    "bench", null);
            var classification = classifier.classify(id, raw.title(), body, raw.publishedAt());
            values.add(json.writeValueAsString(new ClassifiedAnnouncement(ClassifiedAnnouncement.SCHEMA_VERSION, raw,
                    classification, classifier.version(), Instant.now())));
        }
        return values;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
