package io.bioalert.notify.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: base·2^(attempt-1), capped, then a random point in its upper half, so
 * that deliveries failed together by one outage do not come back together and knock the receiver over
 * again.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    public Duration backoff(int attempts) {
        long baseMs = base.toMillis();
        long capped = Math.min(max.toMillis(), baseMs << Math.min(30, Math.max(0, attempts - 1)));
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** A receiver's Retry-After is honoured as asked, plus a little jitter, never less. */
    public Duration after(Duration retryAfter, int attempts) {
        if (retryAfter == null) {
            return backoff(attempts);
        }
        long ms = Math.max(0, retryAfter.toMillis());
        return Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(ms / 10 + 50));
    }
}
