package io.bioalert.notify.config;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock for the rules that count days and hours: what "today" is for the catalyst calendar and
 * its reminders, when a confirm link expires, which quota window a request falls in. In UTC. The system
 * clock, or the instant {@code bioalert.calendar.test-clock} names; tests fix it with {@link #set} or move it
 * forward with {@link #advance} instead of waiting. Delivery timing (retries, leases, digests) keeps the
 * database's clock and is not affected.
 */
@Singleton
public class SettableClock extends Clock {

    private final Instant configured;
    private volatile Instant fixed;
    /** How far {@link #advance} has moved the clock; never undone, so quota windows a test used stay behind it. */
    private volatile Duration ahead = Duration.ZERO;

    SettableClock(NotifyConfig config) {
        this.configured = config.calendar().testClock().orElse(null);
        this.fixed = configured;
    }

    /** From now on the clock stands at {@code at}. */
    public void set(Instant at) {
        fixed = at;
    }

    /** Moves the clock forward by {@code by}, whether it is fixed or running. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        ahead = ahead.plus(by);
    }

    /**
     * Moves to the start of the next window of {@code period} (windows counted from the epoch, as quotas
     * count them), so that a test has a whole fresh window before it.
     */
    public void advanceToNextWindow(Duration period) {
        long now = instant().toEpochMilli();
        long p = period.toMillis();
        advance(Duration.ofMillis(p - Math.floorMod(now, p) + 1));
    }

    /** Back to the configured clock (what {@link #advance} moved stays moved). */
    public void reset() {
        fixed = configured;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return (at != null ? at : Instant.now()).plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone, following it when it is set. */
    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
