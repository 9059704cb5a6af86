package io.bioalert.notify.replay;

import io.bioalert.model.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's way back for what notify dead-lettered ({@code bin/notify-replay-dlq}): reads
 * {@code announcements.classified.dlq} from its start to where it ends now, and publishes the chosen
 * records again to {@code announcements.classified} with their key and value unchanged, each marked with
 * where it came from ({@value #REPLAYED_FROM}). It reads without a consumer group and commits nothing, so
 * every run sees the whole topic; replaying a record twice is harmless because notify records each
 * (watchlist, destination, announcement) once. A record that is still malformed is dead-lettered again
 * by notify, with its reason.
 *
 * <p>Plain Kafka clients, no framework: it runs from the notify-service jar's classpath beside a running
 * service, or anywhere the brokers can be reached.
 */
public final class DeadLetterReplay {

    /** Header on a replayed record: {@code announcements.classified.dlq/<partition>/<offset>}. */
    public static final String REPLAYED_FROM = "bioalert-replayed-from";
    /** Where SmallRye's dead-letter strategy puts the reason. */
    static final String REASON_HEADER = "dead-letter-reason";

    /** What one run did. */
    public record Result(int read, int chosen, int published) {
    }

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(ReplayOptions.USAGE);
            return;
        }
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        } catch (ReplayOptions.UsageException e) {
            System.err.println("notify-replay-dlq: " + e.getMessage());
            System.err.println(ReplayOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            System.err.println("notify-replay-dlq: no answer from Kafka at " + options.bootstrapServers() + ": " + e.getMessage()
                    + "; nothing was replayed");
            System.exit(1);
        }
    }

    public static Result run(ReplayOptions options, PrintStream out) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(options.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            if (chosen.size() < options.limit() && options.chooses(text(r.key()), reason(r), r.timestamp())) {
                chosen.add(r);
            }
        }
        String verb = options.dryRun() ? "would replay" : "replaying";
        for (ConsumerRecord<byte[], byte[]> r : chosen) {
            out.printf("%s %s/%d/%d key=%s reason=%s%n", verb, r.topic(), r.partition(), r.offset(), text(r.key()), reason(r));
        }
        int published = options.dryRun() ? 0 : publish(options.bootstrapServers(), chosen);
        out.printf("%d dead-lettered records read, %d chosen, %d published to %s%s%n", dead.size(), chosen.size(),
                published, Topics.CLASSIFIED, options.dryRun() ? " (dry run)" : "");
        return new Result(dead.size(), chosen.size(), published);
    }

    /** Every record of the dead-letter topic up to its end offsets at the start, by partition and offset. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLASSIFIED_DLQ, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<TopicPartition> open = new ArrayList<>(partitions.stream().filter(p -> consumer.position(p) < end.get(p)).toList());
            long stalledSince = System.nanoTime();
            while (!open.isEmpty()) {
                var polled = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
                open.removeIf(p -> consumer.position(p) >= end.get(p));
                if (!polled.isEmpty()) {
                    stalledSince = System.nanoTime();
                } else if (System.nanoTime() - stalledSince > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("no records from " + open + " for 60 s; nothing was replayed");
                }
            }
        }
        records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private static int publish(String bootstrapServers, List<ConsumerRecord<byte[], byte[]>> chosen) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024); // records of up to 8 MiB, as on the topic
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            List<Future<?>> acks = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : chosen) {
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(Topics.CLASSIFIED, r.key(), r.value());
                again.headers().add(REPLAYED_FROM,
                        (r.topic() + "/" + r.partition() + "/" + r.offset()).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(again));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            return acks.size();
        }
    }

    private static String reason(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(REASON_HEADER);
        return h == null ? null : text(h.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
