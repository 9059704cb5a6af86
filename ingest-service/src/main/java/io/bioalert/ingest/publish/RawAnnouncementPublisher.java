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
 * A record the broker refuses for good ({@link PublishFailure}) is marked poisoned with the reason and
 * leaves the outbox, so that it never holds back the rows behind it.
 */
@ApplicationScoped
public class RawAnnouncementPublisher {

    /** What became of one announcement. */
    public enum Outcome {
        PUBLISHED,
        /** Refused for good: marked with the reason, never offered again. */
        POISONED,
        /** Not this time (broker or database unavailable): a later sweep tries again. */
        RETRY_LATER
    }

    private static final int SWEEP_BATCH = 500;
    /** Long enough for a batch to be published at the broker's pace; a sweep that dies frees its rows after it. */
    private static final Duration SWEEP_CLAIM = Duration.ofMinutes(2);
    /**
     * Failures in a row after which a sweep gives up and frees the rest of its batch: one failure may be the
     * row's own, two in a row mean the broker is out, and each costs a full delivery time-out.
     */
    private static final int SWEEP_FAILURES_IN_A_ROW = 2;

    private final MutinyEmitter<RawAnnouncement> emitter;
    private final Counter published;
    private final Counter failures;
    private final Counter poisoned;

    private final Duration sweepGrace;

    RawAnnouncementPublisher(@Channel(Channels.RAW_OUT) MutinyEmitter<RawAnnouncement> emitter, MeterRegistry registry,
            IngestConfig config) {
        this.emitter = emitter;
        this.sweepGrace = config.publish().sweepGrace();
        this.published = registry.counter("bioalert.ingest.published");
        this.failures = registry.counter("bioalert.ingest.publish.failures");
        this.poisoned = registry.counter("bioalert.ingest.publish.poisoned");
    }

    /** Sends and waits for the broker's ack; a refused record is marked poisoned, anything else retried later. */
    public Outcome publish(RawAnnouncement announcement) {
        try {
            emitter.sendMessageAndAwait(Message.of(announcement)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(announcement.id()).build()));
        } catch (RuntimeException e) {
            return failed(announcement.id(), PublishFailure.of(e));
        }
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    Announcement.update("publishedToKafkaAt = ?1 where id = ?2", Instant.now(), announcement.id()));
        } catch (RuntimeException e) {
            // On the topic but not marked: the sweep publishes it again, which consumers absorb.
            return failed(announcement.id(), PublishFailure.of(e));
        }
        published.increment();
        return Outcome.PUBLISHED;
    }

    private Outcome failed(String id, PublishFailure failure) {
        if (failure.poison()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> Announcement.update(
                        "poisonedAt = ?1, poisonReason = ?2, publishClaimedUntil = null where id = ?3",
                        Instant.now(), failure.reason(), id));
                poisoned.increment();
                Log.errorf("announcement %s can never be published and is marked poisoned: %s", id, failure.reason());
                return Outcome.POISONED;
            } catch (RuntimeException e) {
                Log.warnf("announcement %s refused by the broker (%s), not marked yet: %s", id, failure.reason(), e.getMessage());
            }
        } else {
            Log.warnf("announcement %s not published yet, the sweep will retry: %s", id, failure.reason());
        }
        failures.increment();
        return Outcome.RETRY_LATER;
    }

    @Scheduled(every = "${bioalert.publish.sweep-every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void republishUnpublished() {
        // The grace period leaves a just-stored announcement to the thread that stored it and is publishing it.
        sweep(sweepGrace);
    }

    /**
     * Publishes what is unpublished, not poisoned and older than {@code grace}, oldest first. A poisoned
     * row is passed over; after {@value #SWEEP_FAILURES_IN_A_ROW} other failures in a row the sweep frees
     * the rest of its batch for the next one.
     */
    void sweep(Duration grace) {
        List<RawAnnouncement> batch = claimUnpublished(SWEEP_BATCH, grace, SWEEP_CLAIM);
        int failuresInARow = 0;
        for (int i = 0; i < batch.size(); i++) {
            failuresInARow = publish(batch.get(i)) == Outcome.RETRY_LATER ? failuresInARow + 1 : 0;
            if (failuresInARow == SWEEP_FAILURES_IN_A_ROW) {
                release(batch.subList(i + 1, batch.size()));
                return;
            }
        }
    }

    /**
     * Claims, for {@code claim}, up to {@code limit} announcements stored more than {@code grace} ago and
     * still unpublished and not poisoned, that no other sweep holds; committed before anything is published.
     */
    public List<RawAnnouncement> claimUnpublished(int limit, Duration grace, Duration claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> ids = Announcement.getEntityManager().createNativeQuery("""
                    UPDATE announcement SET publish_claimed_until = now() + ?1 * interval '1 millisecond'
                    WHERE id IN (
                        SELECT id FROM announcement
                        WHERE published_to_kafka_at IS NULL AND poisoned_at IS NULL AND ingested_at < ?2
                          AND (publish_claimed_until IS NULL OR publish_claimed_until < now())
                        ORDER BY ingested_at LIMIT ?3
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id""").setParameter(1, claim.toMillis()).setParameter(2, Instant.now().minus(grace))
                    .setParameter(3, limit).getResultList();
            return ids.isEmpty() ? List.<RawAnnouncement>of()
                    : Announcement.toRaw(Announcement.<Announcement>list("id in ?1 order by ingestedAt", ids));
        });
    }

    /** Gives rows back before their claim runs out, so the next sweep, here or elsewhere, may take them. */
    private static void release(List<RawAnnouncement> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> ids = rows.stream().map(RawAnnouncement::id).toList();
        try {
            QuarkusTransaction.requiringNew().run(() -> Announcement.update(
                    "publishClaimedUntil = null where id in ?1 and publishedToKafkaAt is null", ids));
        } catch (RuntimeException e) {
            Log.debugf("claims not released, they run out on their own: %s", e.getMessage());
        }
    }
}
