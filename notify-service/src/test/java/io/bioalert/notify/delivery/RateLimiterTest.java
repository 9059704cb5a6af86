package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One instance (no heartbeat read: the count stays 1); sharing among instances is RateLimitAcrossInstancesTest's. */
class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(new LiveInstances(null, null));

    private int burst(UUID destination, int perMinute) {
        int granted = 0;
        while (limiter.acquire(destination, perMinute).isZero()) {
            granted++;
        }
        return granted;
    }

    @Test
    void theBurstIsTenSecondsOfTheRate() {
        assertThat(burst(UUID.randomUUID(), 60)).isEqualTo(10);
        assertThat(burst(UUID.randomUUID(), 600)).isEqualTo(100);
    }

    @Test
    void aSlowRateStillAllowsOneAtOnce() {
        assertThat(burst(UUID.randomUUID(), 1)).isEqualTo(1);
        assertThat(burst(UUID.randomUUID(), 6)).isEqualTo(1);
    }

    @Test
    void anEmptyBucketSaysHowLongUntilTheNextToken() {
        UUID d = UUID.randomUUID();
        burst(d, 60);
        Duration wait = limiter.acquire(d, 60);
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1).plusMillis(1));
    }

    @Test
    void destinationsHaveBucketsOfTheirOwn() {
        UUID a = UUID.randomUUID();
        burst(a, 60);
        assertThat(limiter.acquire(a, 60)).isPositive();
        assertThat(limiter.acquire(UUID.randomUUID(), 60)).isZero();
    }

    @Test
    void aPauseHoldsEvenAFullBucket() {
        UUID d = UUID.randomUUID();
        limiter.pause(d, Duration.ofMinutes(5));
        Duration wait = limiter.acquire(d, 60_000);
        assertThat(wait).isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aShorterPauseNeverShortensALongerOne() {
        UUID d = UUID.randomUUID();
        limiter.pause(d, Duration.ofMinutes(10));
        limiter.pause(d, Duration.ofSeconds(1));
        assertThat(limiter.acquire(d, 60)).isGreaterThan(Duration.ofMinutes(9));
    }

    @Test
    void anEnormousPauseIsCappedAtSevenDaysAndANegativeOneIsNone() {
        UUID d = UUID.randomUUID();
        limiter.pause(d, Duration.ofDays(365 * 300));
        assertThat(limiter.acquire(d, 60)).isGreaterThan(Duration.ofDays(6)).isLessThanOrEqualTo(Duration.ofDays(7));
        UUID e = UUID.randomUUID();
        limiter.pause(e, Duration.ofSeconds(-30));
        assertThat(limiter.acquire(e, 60)).isZero();
    }
}
