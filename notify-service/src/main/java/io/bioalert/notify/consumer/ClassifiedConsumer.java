package io.bioalert.notify.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.calendar.CatalystRecorder;
import io.bioalert.notify.delivery.DeliveryRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code announcements.classified}. The value arrives as a String and is parsed here, so that a
 * malformed record fails this method and the dead-letter strategy moves it, with the reason, to
 * {@code announcements.classified.dlq} while the consumer goes on. Unordered blocking: records of
 * different announcements are handled in parallel, and each is idempotent by its unique delivery keys. Then
 * the announcement's catalysts go to the calendar, idempotent by their own keys.
 */
@ApplicationScoped
public class ClassifiedConsumer {

    private final ObjectMapper json;
    private final DeliveryRecorder recorder;
    private final CatalystRecorder catalysts;
    private final Counter received;

    ClassifiedConsumer(ObjectMapper json, DeliveryRecorder recorder, CatalystRecorder catalysts, MeterRegistry registry) {
        this.json = json;
        this.recorder = recorder;
        this.catalysts = catalysts;
        this.received = registry.counter("bioalert.notify.announcements.received");
    }

    @Incoming(Channels.CLASSIFIED_IN)
    @Blocking(ordered = false)
    public void consume(String value) throws Exception {
        received.increment();
        ClassifiedAnnouncement a = parse(value);
        recorder.matchAndRecord(a, value);
        // The calendar keeps every announcement's dates, whether or not a watchlist wanted its news.
        catalysts.record(a, value);
    }

    ClassifiedAnnouncement parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty record");
        }
        ClassifiedAnnouncement a;
        try {
            a = json.readValue(value, ClassifiedAnnouncement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a classified announcement: " + e.getOriginalMessage(), e);
        }
        if (a.announcement() == null || a.announcement().id() == null || a.announcement().id().isBlank()) {
            throw new IllegalArgumentException("classified announcement without announcement.id");
        }
        if (a.schemaVersion() > ClassifiedAnnouncement.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + a.schemaVersion() + " is newer than this service reads ("
                    + ClassifiedAnnouncement.SCHEMA_VERSION + ")");
        }
        return a;
    }
}
