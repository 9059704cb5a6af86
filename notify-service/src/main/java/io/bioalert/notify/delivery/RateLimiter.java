package io.bioalert.notify.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-destination token buckets (ten seconds' worth of burst), plus a pause when a receiver answers 429,
 * so that the rest of its queue waits too instead of hammering it. Per instance: with n instances a
 * destination may see up to n times its rate, which the receivers' own 429s then bring back in line.
 */
@jakarta.enterprise.context.ApplicationScoped
public class RateLimiter {

    private static final class Bucket {
        double tokens;
        long lastNanos;
        long pausedUntilNanos;
    }

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return zero if the send may go now, else how long to wait */
    public Duration acquire(UUID destination, int perMinute) {
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
        Bucket b = buckets.computeIfAbsent(destination, d -> new Bucket());
        synchronized (b) {
            b.pausedUntilNanos = Math.max(b.pausedUntilNanos, System.nanoTime() + duration.toNanos());
        }
    }

    private static double capacity(int perMinute) {
        return Math.max(1, perMinute / 6.0);
    }
}
