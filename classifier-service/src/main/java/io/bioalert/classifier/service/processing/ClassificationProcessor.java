package io.bioalert.classifier.service.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.RawAnnouncement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * announcements.raw → announcements.classified, keyed by announcement id.
 *
 * <p>Records are read as strings and parsed here, so that malformed JSON fails this method: the record is
 * nacked and the dead-letter-queue strategy sends it, unchanged, to announcements.raw.dlq with the reason
 * in its headers, while the partition moves on.
 */
@ApplicationScoped
public class ClassificationProcessor {

    private final AnnouncementClassification classification;
    private final ObjectMapper mapper;
    private final Counter classified;
    private final Counter rejected;

    ClassificationProcessor(AnnouncementClassification classification, ObjectMapper mapper, MeterRegistry registry) {
        this.classification = classification;
        this.mapper = mapper;
        this.classified = registry.counter("bioalert.classifier.messages", "outcome", "classified");
        this.rejected = registry.counter("bioalert.classifier.messages", "outcome", "dead-lettered");
    }

    @Incoming(Channels.RAW_IN)
    @Outgoing(Channels.CLASSIFIED_OUT)
    public Record<String, ClassifiedAnnouncement> process(String json) {
        try {
            ClassifiedAnnouncement result = classification.classify(parse(json));
            classified.increment();
            return Record.of(result.id(), result);
        } catch (InvalidAnnouncementException e) {
            rejected.increment();
            throw e;
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
}
