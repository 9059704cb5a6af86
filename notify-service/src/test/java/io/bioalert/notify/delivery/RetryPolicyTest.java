package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofHours(1));

    @Test
    void givesUpAtTheMaximumNumberOfAttempts() {
        assertThat(policy.exhausted(1)).isFalse();
        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
        assertThat(policy.exhausted(9)).isTrue();
    }

    @Test
    void backoffDoublesPerAttemptAndLandsInTheUpperHalfOfIt() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long full = 2_000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                assertThat(policy.backoff(attempt).toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void backoffIsCappedHoweverManyAttempts() {
        for (int attempt : new int[] {12, 31, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(policy.backoff(attempt)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
    }

    @Test
    void attemptZeroOrBelowWaitsTheBase() {
        assertThat(policy.backoff(0).toMillis()).isBetween(1_000L, 2_000L);
        assertThat(policy.backoff(-3).toMillis()).isBetween(1_000L, 2_000L);
    }

    @Test
    void jitterSpreadsDeliveriesFailedTogether() {
        java.util.Set<Long> waits = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            waits.add(policy.backoff(5).toMillis());
        }
        assertThat(waits.size()).isGreaterThan(10);
    }

    @Test
    void aRetryAfterIsHonouredNeverShortenedAndJitteredByAtMostATenthAndFiftyMillis() {
        for (int i = 0; i < 200; i++) {
            Duration wait = policy.after(Duration.ofSeconds(30), 1);
            assertThat(wait).isBetween(Duration.ofSeconds(30), Duration.ofMillis(33_050));
        }
        assertThat(policy.after(Duration.ZERO, 3)).isBetween(Duration.ZERO, Duration.ofMillis(50));
        assertThat(policy.after(Duration.ofSeconds(-5), 3)).isBetween(Duration.ZERO, Duration.ofMillis(50));
    }

    @Test
    void withoutARetryAfterTheBackoffApplies() {
        assertThat(policy.after(null, 3).toMillis()).isBetween(4_000L, 8_000L);
    }
}
