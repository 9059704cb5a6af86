package io.bioalert.classifier.service.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * announcements.raw → announcements.classified, keyed by announcement id, a poll's batch at a time.
 *
 * <p>Each record of the batch becomes either its classification or, when it can never be classified
 * (malformed JSON, no id or body, too long), a dead letter on announcements.raw.dlq: the record unchanged,
 * the reason in its {@code dead-letter-reason} header. Both go through one producer in the order read, and
 * the batch is acknowledged (its offsets committed) only once the broker has acknowledged every one of them.
 * A crash before that redelivers the batch: a result may be published twice, under the same key, never
 * lost. Batches are handled one after the other on a worker thread, so the order per key holds.
 */
@ApplicationScoped
public class ClassificationProcessor {

    /** What a result may weigh on the wire: the producer's and topics' 8 MiB, less room for key and headers. */
    static final int MAX_RESULT_BYTES = 8 * 1024 * 1024 - 64 * 1024;

    private final AnnouncementClassification classification;
    private final ResultPublisher publisher;
    private final ObjectMapper mapper;
    private final Counter classified;
    private final Counter rejected;
    private final DistributionSummary batchSizes;

    ClassificationProcessor(AnnouncementClassification classification, ResultPublisher publisher, ObjectMapper mapper,
            MeterRegistry registry) {
        this.classification = classification;
        this.publisher = publisher;
        this.mapper = mapper;
        this.classified = registry.counter("bioalert.classifier.messages", "outcome", "classified");
        this.rejected = registry.counter("bioalert.classifier.messages", "outcome", "dead-lettered");
        this.batchSizes = DistributionSummary.builder("bioalert.classifier.batch.records")
                .description("records per batch read from announcements.raw").register(registry);
    }

    /**
     * Blocking: classifying is CPU work and the broker's acknowledgement is waited for here, on a worker
     * thread that takes the batches in order. A batch the broker does not take (after the producer's own
     * retries) is nacked: the channel stops with its offsets uncommitted, health says so, and the next start
     * reads the batch again.
     */
    @Incoming(Channels.RAW_IN)
    @Blocking
    public CompletionStage<Void> process(KafkaRecordBatch<String, String> batch) {
        batchSizes.record(batch.getRecords().size());
        List<ProducerRecord<String, String>> results = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch) {
            results.add(result(record));
        }
        try {
            publisher.publish(results).join();
        } catch (RuntimeException e) {
            return batch.nack(e.getCause() != null ? e.getCause() : e);
        }
        return batch.ack();
    }

    private ProducerRecord<String, String> result(KafkaRecord<String, String> record) {
        try {
            var result = classification.classify(parse(record.getPayload()));
            String value = mapper.writeValueAsString(result);
            if (value.length() > MAX_RESULT_BYTES / 3 && value.getBytes(StandardCharsets.UTF_8).length > MAX_RESULT_BYTES) {
                throw new InvalidAnnouncementException("its classification has more than the " + MAX_RESULT_BYTES
                        + " bytes a record may have");
            }
            classified.increment();
            return new ProducerRecord<>(Topics.CLASSIFIED, result.id(), value);
        } catch (JsonProcessingException | RuntimeException e) {
            // Bad input, or a failure of the classifier on this one input: set aside with the reason alike.
            return deadLetter(record, e);
        }
    }

    private RawAnnouncement parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidAnnouncementException("record value is empty");
        }
        try {
            return mapper.readValue(json, RawAnnouncement.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAnnouncementException("not a RawAnnouncement JSON document: " + e.getOriginalMessage(), e);
        }
    }

    /** The record unchanged, with the headers SmallRye's dead-letter strategy wrote before (what tools read). */
    private ProducerRecord<String, String> deadLetter(KafkaRecord<String, String> record, Exception e) {
        rejected.increment();
        Headers headers = new RecordHeaders(record.getHeaders().toArray());
        header(headers, "dead-letter-exception-class-name", e.getClass().getName());
        header(headers, "dead-letter-reason", e.getMessage() != null ? e.getMessage() : e.getClass().getName());
        if (e.getCause() != null) {
            header(headers, "dead-letter-cause-class-name", e.getCause().getClass().getName());
            header(headers, "dead-letter-cause", String.valueOf(e.getCause().getMessage()));
        }
        header(headers, "dead-letter-topic", record.getTopic());
        header(headers, "dead-letter-partition", Integer.toString(record.getPartition()));
        record.getMetadata(IncomingKafkaRecordMetadata.class)
                .ifPresent(m -> header(headers, "dead-letter-offset", Long.toString(m.getOffset())));
        return new ProducerRecord<>(Topics.RAW_DLQ, null, record.getKey(), record.getPayload(), headers);
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
