package io.bioalert.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Spaces requests to one host by at least a fixed delay. Each caller reserves the next free slot of its
 * host and is told how long to wait for it, so concurrent callers queue up instead of bursting.
 * Per instance: with N instances a host sees at most N requests per delay, which stays polite.
 */
public final class PolitenessGate {

    private final Duration delay;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> nextFree = new ConcurrentHashMap<>();

    public PolitenessGate(Duration delay, Clock clock) {
        this.delay = delay;
        this.clock = clock;
    }

    /** Reserves a slot for {@code host}; returns how long to wait before using it. */
    public Duration reserve(String host) {
        Instant now = clock.instant();
        Instant[] slot = new Instant[1];
        nextFree.compute(host.toLowerCase(Locale.ROOT), (h, free) -> {
            slot[0] = free == null || free.isBefore(now) ? now : free;
            return slot[0].plus(delay);
        });
        return Duration.between(now, slot[0]);
    }

    /** Reserves a slot and sleeps until it comes. */
    public void await(String host) throws InterruptedException {
        Duration wait = reserve(host);
        if (!wait.isZero() && !wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }
}
