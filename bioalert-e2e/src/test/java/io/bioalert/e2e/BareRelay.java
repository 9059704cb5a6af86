package io.bioalert.e2e;

import io.bioalert.testkit.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling BioAlert's pipeline is measured against: the same three Kafka hops with no work at all.
 * A producer writes records of the bench's size flat out (acks=all, as the services produce) to topic 0;
 * three relays each consume topic i and produce every record to topic i+1, committing after each poll's
 * records are acknowledged; a last consumer counts what reaches topic 3. The relays run as threads of
 * this JVM against the same broker the services use, on the same machine, in the same run.
 */
final class BareRelay {

    private static final int HOPS = 3;

    private final String bootstrapServers;
    private final int recordBytes;

    BareRelay(String bootstrapServers, int recordBytes) {
        this.bootstrapServers = bootstrapServers;
        this.recordBytes = recordBytes;
    }

    /** What one run moved: records written by the producer, records that reached the last topic, and when. */
    record Result(int partitions, long produced, long delivered, double seconds) {
        double perSecond() {
            return delivered / seconds;
        }

        /** The bench line: "bare relay, N partition(s) per topic: …". */
        String summary() {
            return String.format("bare relay, %d partition(s) per topic: %d of %d records through %d hops in %.1f s (%.0f/s)",
                    partitions, delivered, produced, HOPS, seconds, perSecond());
        }
    }

    /** Produces flat out for {@code seconds}, then waits for the last hop to drain; rate = delivered / total time. */
    Result run(int partitions, int seconds) throws InterruptedException {
        String run = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i <= HOPS; i++) {
            topics.add(run + "-" + i);
        }
        EmbeddedKafka.createTopics(bootstrapServers, partitions, topics);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong delivered = new AtomicLong();
        CountDownLatch assigned = new CountDownLatch(HOPS + 1);
        List<Thread> threads = new ArrayList<>();
        for (int hop = 0; hop < HOPS; hop++) {
            String from = topics.get(hop);
            String to = topics.get(hop + 1);
            threads.add(start(run + "-relay-" + hop, () -> relay(from, to, run, assigned, stop)));
        }
        threads.add(start(run + "-sink", () -> count(topics.get(HOPS), run, delivered, assigned, stop)));
        // Consumers join their groups before the producer starts, so the rate is not a rebalance's.
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the relay's consumers got no partitions within 60 s");
        }

        long start = System.nanoTime();
        long produced = produce(topics.get(0), TimeUnit.SECONDS.toNanos(seconds));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (delivered.get() < produced && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        return new Result(partitions, produced, delivered.get(), elapsed);
    }

    private long produce(String topic, long forNanos) {
        byte[] value = new byte[recordBytes];
        new Random(7).nextBytes(value);
        long end = System.nanoTime() + forNanos;
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, Long.toString(sent).getBytes(), value));
                sent++;
            }
            producer.flush();
        }
        return sent;
    }

    private void relay(String from, String to, String group, CountDownLatch assigned, AtomicBoolean stop) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(group + "-" + from));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            join(consumer, from, assigned);
            while (!stop.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(50));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    producer.send(new ProducerRecord<>(to, r.key(), r.value()));
                }
                producer.flush(); // at-least-once, as the services: acknowledged before the offsets move on
                consumer.commitSync();
            }
        }
    }

    private void count(String topic, String group, AtomicLong delivered, CountDownLatch assigned, AtomicBoolean stop) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(group + "-sink"))) {
            join(consumer, topic, assigned);
            while (!stop.get()) {
                delivered.addAndGet(consumer.poll(Duration.ofMillis(50)).count());
            }
        }
    }

    /** Subscribes and polls the empty topic until the group has given this consumer its partitions. */
    private static void join(KafkaConsumer<byte[], byte[]> consumer, String topic, CountDownLatch assigned) {
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(50));
        }
        assigned.countDown();
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private Properties consumerConfig(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
