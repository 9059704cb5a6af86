package io.bioalert.notify.config;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the catalyst calendar: what "today" is for reminders and for the coming catalysts, in UTC.
 * The system clock, or the instant {@code bioalert.calendar.test-clock} names; tests move it with
 * {@link #set} instead of waiting for days to pass. Delivery timing (retries, leases, digests) keeps the
 * database's clock and is not affected.
 */
@Singleton
public class SettableClock extends Clock {

    private final Instant configured;
    private volatile Instant fixed;

    SettableClock(NotifyConfig config) {
        this.configured = config.calendar().testClock().orElse(null);
        this.fixed = configured;
    }

    /** From now on the clock stands at {@code at}. */
    public void set(Instant at) {
        fixed = at;
    }

    /** Back to the configured clock. */
    public void reset() {
        fixed = configured;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
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
