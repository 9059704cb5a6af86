package io.bioalert.classifier.service.processing;

import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.RawAnnouncement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The one place where a raw announcement becomes a classified one, for the Kafka processor and the REST
 * API alike. The rule classifier is immutable and thread-safe, so one instance serves every thread.
 */
@ApplicationScoped
public class AnnouncementClassification {

    /**
     * Longest body classified; longer ones are refused rather than allowed to stall a partition. Matches
     * ingest's limit; such a record (UTF-8, at most 3 bytes a char) fits the 8 MiB the topics allow.
     */
    public static final int MAX_BODY_CHARS = 1_000_000;

    private final AnnouncementClassifier classifier = AnnouncementClassifier.fromResources();
    private final Timer timer;

    AnnouncementClassification(MeterRegistry registry) {
        this.timer = Timer.builder("bioalert.classifier.classification")
                .description("time to classify one announcement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    public ClassifiedAnnouncement classify(RawAnnouncement announcement) {
        validate(announcement);
        var classification = timer.record(() -> classifier.classify(announcement.id(), announcement.title(),
                announcement.body(), announcement.publishedAt()));
        return new ClassifiedAnnouncement(ClassifiedAnnouncement.SCHEMA_VERSION, announcement, classification,
                classifier.version(), Instant.now());
    }

    public String version() {
        return classifier.version();
    }

    static void validate(RawAnnouncement announcement) {
        if (announcement == null) {
            throw new InvalidAnnouncementException("record is empty");
        }
        if (announcement.id() == null || announcement.id().isBlank()) {
            throw new InvalidAnnouncementException("id is missing");
        }
        if (announcement.body() == null || announcement.body().isBlank()) {
            throw new InvalidAnnouncementException("body is missing or blank");
        }
        if (announcement.body().length() > MAX_BODY_CHARS) {
            throw new InvalidAnnouncementException("body has " + announcement.body().length()
                    + " characters, more than the " + MAX_BODY_CHARS + " classified");
        }
    }
}
