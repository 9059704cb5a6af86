package io.bioalert.ingest.publish;

import io.bioalert.ingest.announcement.Announcement;
import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.model.RawAnnouncement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes stored announcements to {@code announcements.raw}, keyed by id, and marks them published once
 * the broker has acknowledged them. A sweep republishes whatever a crash or a broker outage left unmarked,
 * so delivery to Kafka is at-least-once; consumers are idempotent per announcement id.
 */
@ApplicationScoped
public class RawAnnouncementPublisher {

    private final MutinyEmitter<RawAnnouncement> emitter;
    private final Counter published;
    private final Counter failures;

    private final Duration sweepGrace;

    RawAnnouncementPublisher(@Channel(Channels.RAW_OUT) MutinyEmitter<RawAnnouncement> emitter, MeterRegistry registry,
            IngestConfig config) {
        this.emitter = emitter;
        this.sweepGrace = config.publish().sweepGrace();
        this.published = registry.counter("bioalert.ingest.published");
        this.failures = registry.counter("bioalert.ingest.publish.failures");
    }

    /** Sends and waits for the broker's ack; on failure the sweep tries again later. */
    public boolean publish(RawAnnouncement announcement) {
        try {
            emitter.sendMessageAndAwait(Message.of(announcement)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(announcement.id()).build()));
            QuarkusTransaction.requiringNew().run(() ->
                    Announcement.update("publishedToKafkaAt = ?1 where id = ?2", Instant.now(), announcement.id()));
            published.increment();
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            Log.warnf("announcement %s not published yet, the sweep will retry: %s", announcement.id(), e.getMessage());
            return false;
        }
    }

    @Scheduled(every = "${bioalert.publish.sweep-every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void republishUnpublished() {
        // The grace period leaves a just-stored announcement to the thread that stored it and is publishing it.
        List<RawAnnouncement> pending = QuarkusTransaction.requiringNew().call(() -> Announcement.toRaw(Announcement
                .<Announcement>find("publishedToKafkaAt is null and ingestedAt < ?1 order by ingestedAt",
                        Instant.now().minus(sweepGrace))
                .page(0, 500).list()));
        for (RawAnnouncement a : pending) {
            if (!publish(a)) {
                return;
            }
        }
    }
}
