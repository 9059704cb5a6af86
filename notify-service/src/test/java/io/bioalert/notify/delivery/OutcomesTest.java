package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How each send outcome becomes the row's next state, with the test profile's retry settings (4 attempts). */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class OutcomesTest {

    @Inject
    Outcomes outcomes;

    @Inject
    RateLimiter limiter;

    @Inject
    NotifyConfig config;

    static DeliveryJob job(Destination.Type channel, int attempts, boolean atMostOnce) {
        return new DeliveryJob(UUID.randomUUID(), attempts, "[]", "a-1", "{}", null, UUID.randomUUID(), channel,
                "https://hooks.example.org/x", null, "ACTIVE", null, null, UUID.randomUUID(), "w", "{}", false, null,
                atMostOnce);
    }

    @Test
    void sentIsFinalAndClearsTheError() {
        DeliveryJob j = job(Destination.Type.WEBHOOK, 1, false);
        DeliveryStore.Completion done = outcomes.apply(j, SendOutcome.sent("ok"), "PENDING", new HashMap<>());
        assertThat(done).isEqualTo(new DeliveryStore.Completion(j.deliveryId(), "SENT", 0, null, null));
    }

    @Test
    void aRetryGoesBackToTheGivenPendingStatusWithABackoff() {
        DeliveryJob j = job(Destination.Type.WEBHOOK, 1, false);
        Instant before = Instant.now();
        DeliveryStore.Completion done = outcomes.apply(j, SendOutcome.retry("HTTP 503", null), "DIGEST_PENDING",
                new HashMap<>());
        assertThat(done.status()).isEqualTo("DIGEST_PENDING");
        assertThat(done.attemptDelta()).isZero();
        assertThat(done.error()).isEqualTo("HTTP 503");
        Duration base = config.dispatch().backoffBase();
        assertThat(done.nextAttemptAt()).isBetween(before.plus(base.dividedBy(2)), Instant.now().plus(base));
    }

    @Test
    void theLastAttemptFailsForGood() {
        DeliveryJob j = job(Destination.Type.WEBHOOK, config.dispatch().maxAttempts(), false);
        DeliveryStore.Completion done = outcomes.apply(j, SendOutcome.retry("HTTP 503", null), "PENDING", new HashMap<>());
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.error()).isEqualTo("gave up after " + config.dispatch().maxAttempts() + " attempts: HTTP 503");
    }

    @Test
    void aRetryAfterPausesTheDestinationAndIsWaitedFor() {
        DeliveryJob j = job(Destination.Type.SLACK, 1, false);
        DeliveryStore.Completion done = outcomes.apply(j, SendOutcome.retry("429", Duration.ofMinutes(3)), "PENDING",
                new HashMap<>());
        assertThat(done.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(2)).plusSeconds(59));
        assertThat(limiter.acquire(j.destinationId(), 60_000)).isGreaterThan(Duration.ofMinutes(2));
    }

    @Test
    void aRefusalForGoodFailsTheDeliveryAndDisablesTheDestination() {
        DeliveryJob j = job(Destination.Type.SLACK, 1, false);
        Map<UUID, String> disable = new HashMap<>();
        DeliveryStore.Completion done = outcomes.apply(j, SendOutcome.disable("Slack: channel_is_archived"), "PENDING",
                disable);
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.error()).isEqualTo("destination disabled: Slack: channel_is_archived");
        assertThat(disable).containsExactly(Map.entry(j.destinationId(), "Slack: channel_is_archived"));
    }

    @Test
    void aRejectedMessageFailsWithoutDisabling() {
        DeliveryJob j = job(Destination.Type.WEBHOOK, 1, false);
        Map<UUID, String> disable = new HashMap<>();
        DeliveryStore.Completion done = outcomes.apply(j, SendOutcome.failed("HTTP 400"), "PENDING", disable);
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.error()).isEqualTo("HTTP 400");
        assertThat(disable).isEmpty();
    }

    @Test
    void aLostAnswerIsRetriedForAnAtLeastOnceDestinationAndUnknownForAnAtMostOnceOne() {
        SendOutcome lost = new SendOutcome(SendOutcome.Kind.RETRY, "no answer within 10000 ms", null, true);
        DeliveryStore.Completion retried = outcomes.apply(job(Destination.Type.SLACK, 1, false), lost, "PENDING",
                new HashMap<>());
        assertThat(retried.status()).isEqualTo("PENDING");

        DeliveryStore.Completion unknown = outcomes.apply(job(Destination.Type.SLACK, 1, true), lost, "PENDING",
                new HashMap<>());
        assertThat(unknown.status()).isEqualTo(DeliveryStore.UNKNOWN);
        assertThat(unknown.nextAttemptAt()).isNull();
        assertThat(unknown.error()).contains("atMostOnce").contains("no answer within 10000 ms");
    }

    @Test
    void anAtMostOnceDestinationStillRetriesWhatNeverLeft() {
        DeliveryStore.Completion done = outcomes.apply(job(Destination.Type.SLACK, 1, true),
                SendOutcome.retry("Slack unreachable: Connection refused", null), "PENDING", new HashMap<>());
        assertThat(done.status()).isEqualTo("PENDING");
        assertThat(outcomes.apply(job(Destination.Type.SLACK, 1, true), SendOutcome.retry("HTTP 500", null), "PENDING",
                new HashMap<>()).status()).isEqualTo("PENDING");
    }

    @Test
    void aBrokenSendIsRetriedUnlessTheDestinationIsAtMostOnce() {
        RuntimeException bug = new IllegalStateException("bug");
        assertThat(outcomes.broken(job(Destination.Type.WEBHOOK, 1, false), bug, "PENDING").status()).isEqualTo("PENDING");
        assertThat(outcomes.broken(job(Destination.Type.SLACK, 1, true), bug, "PENDING").status())
                .isEqualTo(DeliveryStore.UNKNOWN);
    }

    @Test
    void aDeferralSpendsNoAttempt() {
        DeliveryJob j = job(Destination.Type.EMAIL, 1, false);
        DeliveryStore.Completion done = outcomes.defer(j, Duration.ofSeconds(30), "PENDING");
        assertThat(done.status()).isEqualTo("PENDING");
        assertThat(done.attemptDelta()).isEqualTo(-1);
        assertThat(done.nextAttemptAt()).isAfter(Instant.now().plusSeconds(29));
    }

    @Test
    void aDeletedWatchlistOrAnInactiveDestinationIsNotSendable() {
        assertThat(Outcomes.notSendable(job(Destination.Type.WEBHOOK, 1, false))).isNull();
        DeliveryJob removed = new DeliveryJob(UUID.randomUUID(), 1, "[]", "a", "{}", null, UUID.randomUUID(),
                Destination.Type.WEBHOOK, "u", null, DeliveryStore.REMOVED, null, null, UUID.randomUUID(), "w", "{}",
                false, null, false);
        assertThat(Outcomes.notSendable(removed)).isEqualTo("destination removed");
        DeliveryJob deleted = new DeliveryJob(UUID.randomUUID(), 1, "[]", "a", "{}", null, UUID.randomUUID(),
                Destination.Type.WEBHOOK, "u", null, "ACTIVE", null, null, UUID.randomUUID(), "w", "{}", true, null, false);
        assertThat(Outcomes.notSendable(deleted)).isEqualTo("watchlist deleted");
        assertThat(outcomes.cancelled(deleted, "watchlist deleted").status()).isEqualTo("CANCELLED");
    }
}
