package io.bioalert.notify.delivery;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.watchlist.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns send outcomes into queue updates, metrics and destination changes; shared by the immediate
 * dispatcher and the digest job so both retry, fail and disable alike.
 */
@ApplicationScoped
public class Outcomes {

    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final DeliveryMetrics metrics;

    Outcomes(NotifyConfig config, RateLimiter limiter, DeliveryMetrics metrics) {
        NotifyConfig.Dispatch d = config.dispatch();
        this.retry = new RetryPolicy(d.maxAttempts(), d.backoffBase(), d.backoffMax());
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /**
     * @param pendingStatus the status a retry returns to (PENDING or DIGEST_PENDING)
     * @param disable       collects destinations to disable, with the reason
     */
    public DeliveryStore.Completion apply(DeliveryJob job, SendOutcome outcome, String pendingStatus,
            Map<java.util.UUID, String> disable) {
        Destination.Type channel = job.channel();
        return switch (outcome.kind()) {
            case SENT -> {
                metrics.sent(channel, 1);
                yield new DeliveryStore.Completion(job.deliveryId(), "SENT", 0, null, null);
            }
            case FAILED -> {
                metrics.failed(channel, 1);
                yield new DeliveryStore.Completion(job.deliveryId(), "FAILED", 0, null, outcome.detail());
            }
            case DISABLE -> {
                metrics.failed(channel, 1);
                disable.put(job.destinationId(), outcome.detail());
                yield new DeliveryStore.Completion(job.deliveryId(), "FAILED", 0, null,
                        "destination disabled: " + outcome.detail());
            }
            case RETRY -> {
                if (outcome.answerLost() && job.atMostOnce()) {
                    metrics.failed(channel, 1);
                    yield unknown(job, outcome.detail());
                }
                if (outcome.retryAfter() != null) {
                    limiter.pause(job.destinationId(), outcome.retryAfter());
                }
                if (retry.exhausted(job.attempts())) {
                    metrics.failed(channel, 1);
                    yield new DeliveryStore.Completion(job.deliveryId(), "FAILED", 0, null,
                            "gave up after " + job.attempts() + " attempts: " + outcome.detail());
                }
                metrics.retried(channel, 1);
                Duration wait = retry.after(outcome.retryAfter(), job.attempts());
                yield new DeliveryStore.Completion(job.deliveryId(), pendingStatus, 0, Instant.now().plus(wait),
                        outcome.detail());
            }
        };
    }

    /**
     * Sending broke before the channel made an outcome: retried like a failed send, never left SENDING; for
     * an at-most-once destination UNKNOWN, since the request may have gone out.
     */
    public DeliveryStore.Completion broken(DeliveryJob job, Throwable failure, String pendingStatus) {
        if (job.atMostOnce()) {
            metrics.failed(job.channel(), 1);
            return unknown(job, "internal error: " + failure);
        }
        return apply(job, SendOutcome.retry("internal error: " + failure, null), pendingStatus, new java.util.HashMap<>());
    }

    /** May have reached the receiver, we cannot tell; never sent again (the destination is at-most-once). */
    private static DeliveryStore.Completion unknown(DeliveryJob job, String detail) {
        return new DeliveryStore.Completion(job.deliveryId(), DeliveryStore.UNKNOWN, 0, null,
                "no answer, not sent again (atMostOnce): " + detail);
    }

    /** Rate-limited: back in the queue without spending an attempt. */
    public DeliveryStore.Completion defer(DeliveryJob job, Duration wait, String pendingStatus) {
        metrics.deferred(job.channel(), 1);
        return new DeliveryStore.Completion(job.deliveryId(), pendingStatus, -1, Instant.now().plus(wait), null);
    }

    /** The destination or watchlist went away between match and send. */
    public DeliveryStore.Completion cancelled(DeliveryJob job, String why) {
        return new DeliveryStore.Completion(job.deliveryId(), "CANCELLED", 0, null, why);
    }

    /** Why a claimed job must not be sent at all, or null to send it. */
    public static String notSendable(DeliveryJob job) {
        if (job.watchlistDeleted()) {
            return "watchlist deleted";
        }
        if (!Destination.Status.ACTIVE.name().equals(job.destinationStatus())) {
            return "destination " + job.destinationStatus().toLowerCase();
        }
        return null;
    }

    public static List<String> pendingStatuses() {
        return List.of("PENDING", "DIGEST_PENDING");
    }
}
