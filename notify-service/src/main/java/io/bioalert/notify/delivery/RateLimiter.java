package io.bioalert.notify.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-destination token buckets (ten seconds' worth of burst), plus a pause when a receiver answers 429,
 * so that the rest of its queue waits too instead of hammering it. The buckets are in memory, and each of
 * n live instances ({@link LiveInstances}) takes 1/n of a destination's rate, so that together they keep
 * to it. Deliveries are not spread evenly across instances, so a destination may get less than its rate
 * while one instance has its backlog; it never gets more (but for a floor of one a minute per instance).
 */
@jakarta.enterprise.context.ApplicationScoped
public class RateLimiter {

    private static final class Bucket {
        double tokens;
        long lastNanos;
        long pausedUntilNanos;
    }

    private static final Duration MAX_PAUSE = Duration.ofDays(7);

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final LiveInstances instances;

    RateLimiter(LiveInstances instances) {
        this.instances = instances;
    }

    /**
     * @param ratePerMinute the destination's rate across all instances
     * @return zero if the send may go now, else how long to wait
     */
    public Duration acquire(UUID destination, int ratePerMinute) {
        int perMinute = Math.max(1, ratePerMinute / instances.count());
        Bucket b = buckets.computeIfAbsent(destination, d -> {
            Bucket nb = new Bucket();
            nb.tokens = capacity(perMinute);
            nb.lastNanos = System.nanoTime();
            return nb;
        });
        synchronized (b) {
            long now = System.nanoTime();
            if (now < b.pausedUntilNanos) {
                return Duration.ofNanos(b.pausedUntilNanos - now);
            }
            double perNano = perMinute / 60e9;
            b.tokens = Math.min(capacity(perMinute), b.tokens + (now - b.lastNanos) * perNano);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((1 - b.tokens) / perNano) + 1);
        }
    }

    public void pause(UUID destination, Duration duration) {
        // Capped: a duration of centuries must neither overflow nor throw on the way to a due time.
        long nanos = duration.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE.toNanos() : Math.max(0, duration.toNanos());
        Bucket b = buckets.computeIfAbsent(destination, d -> new Bucket());
        synchronized (b) {
            b.pausedUntilNanos = Math.max(b.pausedUntilNanos, System.nanoTime() + nanos);
        }
    }

    private static double capacity(int perMinute) {
        return Math.max(1, perMinute / 6.0);
    }
}
