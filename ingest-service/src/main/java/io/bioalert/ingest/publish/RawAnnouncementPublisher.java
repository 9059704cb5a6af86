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
 * so delivery to Kafka is at-least-once; consumers are idempotent per announcement id. Each sweep claims
 * the rows it takes for a while (SKIP LOCKED), so the sweeps of several instances never take the same row.
 */
@ApplicationScoped
public class RawAnnouncementPublisher {

    private static final int SWEEP_BATCH = 500;
    /** Long enough for a batch to be published at the broker's pace; a sweep that dies frees its rows after it. */
    private static final Duration SWEEP_CLAIM = Duration.ofMinutes(2);

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
        for (RawAnnouncement a : claimUnpublished(SWEEP_BATCH, sweepGrace, SWEEP_CLAIM)) {
            if (!publish(a)) {
                return;
            }
        }
    }

    /**
     * Claims, for {@code claim}, up to {@code limit} announcements stored more than {@code grace} ago and
     * still unpublished, that no other sweep holds; committed before anything is published.
     */
    public List<RawAnnouncement> claimUnpublished(int limit, Duration grace, Duration claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> ids = Announcement.getEntityManager().createNativeQuery("""
                    UPDATE announcement SET publish_claimed_until = now() + ?1 * interval '1 millisecond'
                    WHERE id IN (
                        SELECT id FROM announcement
                        WHERE published_to_kafka_at IS NULL AND ingested_at < ?2
                          AND (publish_claimed_until IS NULL OR publish_claimed_until < now())
                        ORDER BY ingested_at LIMIT ?3
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id""").setParameter(1, claim.toMillis()).setParameter(2, Instant.now().minus(grace))
                    .setParameter(3, limit).getResultList();
            return ids.isEmpty() ? List.<RawAnnouncement>of()
                    : Announcement.toRaw(Announcement.<Announcement>list("id in ?1 order by ingestedAt", ids));
        });
    }
}
