package io.bioalert.ingest.publish;

import io.bioalert.ingest.announcement.Announcement;
import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.model.RawAnnouncement;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes whatever the relay did not: rows whose claim ran out (a crash, a broker outage, a full queue)
 * and unclaimed rows older than the grace period, so that delivery to Kafka is at-least-once. Each sweep
 * claims the rows it takes (SKIP LOCKED), so the sweeps of several instances never take the same row, sends
 * them all through the same producer, and waits for the answers. A poisoned row is passed over; when the
 * producer gives up on a row at once (the broker is out of reach) the sweep frees the rest of its batch for
 * the next one instead of waiting as long for each.
 */
@ApplicationScoped
public class PublishSweep {

    private static final int SWEEP_BATCH = 500;

    private final KafkaSender sender;
    private final PublishMarks marks;
    private final Duration grace;
    private final Duration claim;

    PublishSweep(KafkaSender sender, PublishMarks marks, IngestConfig config) {
        this.sender = sender;
        this.marks = marks;
        this.grace = config.publish().sweepGrace();
        this.claim = config.publish().claim();
    }

    @Scheduled(every = "${bioalert.publish.sweep-every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(grace);
    }

    /** Publishes what is unpublished, not poisoned, unclaimed and older than {@code grace}, oldest first. */
    public List<PublishOutcome> sweep(Duration grace) {
        Instant claimedUntil = Instant.now().plus(claim);
        List<RawAnnouncement> batch = claimUnpublished(SWEEP_BATCH, grace, claim);
        List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            KafkaSender.Sending sending = sender.send(batch.get(i), claimedUntil);
            outcomes.add(sending.outcome());
            if (sending.brokerUnavailable()) {
                Log.warnf("broker unreachable: %d swept announcements left to the next sweep", batch.size() - i - 1);
                for (RawAnnouncement rest : batch.subList(i + 1, batch.size())) {
                    CompletableFuture<PublishOutcome> released = new CompletableFuture<>();
                    marks.release(rest.id(), released);
                    outcomes.add(released);
                }
                break;
            }
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Claims, for {@code claim}, up to {@code limit} announcements stored more than {@code grace} ago and
     * still unpublished and not poisoned, that no one holds; committed before anything is published.
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
}
