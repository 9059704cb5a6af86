package io.bioalert.notify.flow;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests (it replaces the default one): the system clock, moved forward by what the
 * tests ask, so that a test sees a link expire or a quota window end without waiting. It only ever moves
 * forward, so tests that do not move it see time pass as usual.
 */
@Singleton
public class SettableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

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

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }
}
