package io.bioalert.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends announcements to {@code announcements.raw} with the Kafka producer's callbacks, keyed by id; no
 * thread waits for the broker. What the broker answers goes to {@link PublishMarks}, which writes it back
 * into the outbox in batches.
 *
 * <p>Timing is derived from the claim ({@code bioalert.publish.claim}): the producer gives up on a record
 * after half of it ({@code delivery.timeout.ms}) and waits at most a tenth of it for metadata or buffer
 * space ({@code max.block.ms}); a row with less than that left of its claim is not sent at all but given
 * back to the sweep. So a send always ends, acknowledged or failed, while this instance still holds the row,
 * and no sweep publishes it a second time meanwhile.
 */
@ApplicationScoped
class KafkaSender {

    private final Producer<String, byte[]> producer;
    private final ObjectMapper json;
    private final PublishMarks marks;
    private final String topic;
    /** What a send may take at most, blocking included: less than this left of a claim and the row is not sent. */
    private final Duration longestSend;

    KafkaSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, IngestConfig config,
            ObjectMapper json, PublishMarks marks) {
        this.json = json;
        this.marks = marks;
        this.topic = config.publish().topic().orElse(Topics.RAW);
        Duration claim = config.publish().claim();
        Duration deliveryTimeout = claim.dividedBy(2);
        Duration maxBlock = claim.dividedBy(10);
        this.longestSend = deliveryTimeout.plus(maxBlock);
        Map<String, Object> settings = new HashMap<>(config.publish().producer());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-publisher");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.dividedBy(2).toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A send under way: {@code outcome} completes once the broker's answer is written into the row.
     * {@code brokerUnavailable} when the producer gave up on it at once, having waited {@code max.block.ms}
     * for the topic's metadata or for buffer space: the next sends would wait as long.
     */
    record Sending(CompletableFuture<PublishOutcome> outcome, boolean brokerUnavailable) {
    }

    /** Sends one announcement claimed until {@code claimedUntil}; returns at once unless the producer must wait. */
    Sending send(RawAnnouncement announcement, Instant claimedUntil) {
        CompletableFuture<PublishOutcome> done = new CompletableFuture<>();
        String id = announcement.id();
        if (Instant.now().plus(longestSend).isAfter(claimedUntil)) {
            marks.release(id, done); // the sweep takes it, with a claim of its own
            return new Sending(done, false);
        }
        byte[] value;
        try {
            value = json.writeValueAsBytes(announcement);
        } catch (JsonProcessingException e) {
            marks.failed(id, PublishFailure.of(new SerializationException(e)), done);
            return new Sending(done, false);
        }
        boolean[] answered = new boolean[1];
        PublishFailure[] refusal = new PublishFailure[1];
        try {
            producer.send(new ProducerRecord<>(topic, id, value), (metadata, failure) -> {
                if (failure == null) {
                    marks.published(id, done);
                } else {
                    refusal[0] = PublishFailure.of(failure);
                    marks.failed(id, refusal[0], done);
                }
                answered[0] = true;
            });
        } catch (RuntimeException e) {
            // Thrown only when the callback was not called: the producer is closed, or was interrupted.
            marks.failed(id, PublishFailure.of(e), done);
            return new Sending(done, true);
        }
        // The callback runs in send() itself only when the producer refused the record before taking it.
        return new Sending(done, answered[0] && refusal[0] != null && !refusal[0].poison());
    }

    /** Fetches the topic's metadata now rather than at the first story; a broker out of reach only delays it. */
    void connect() {
        try {
            producer.partitionsFor(topic);
        } catch (RuntimeException e) {
            Log.warnf("no metadata for %s yet: %s", topic, e.getMessage());
        }
    }

    /** After the store's writer and the relay have stopped: sends what is buffered and waits for the answers. */
    void close(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(Interceptor.Priority.APPLICATION + 200)
            ShutdownEvent event) {
        producer.close(Duration.ofSeconds(10));
    }
}
