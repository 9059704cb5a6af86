package io.bioalert.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.bioalert.notify.channel.ReceivedHeaders;
import io.bioalert.notify.channel.TestJobs;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.notify.watchlist.WebhookSecrets;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook sender against a real HTTP endpoint: what arrives verifies with the Standard Webhooks reference
 * library, a retry carries the same {@code webhook-id}, and during a rotation's overlap both secrets sign.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class WebhookSenderTest {

    private static final HttpSink SINK = HttpSink.start();
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();

    static {
        SINK.respondWith(r -> {
            if (r.path().startsWith("/flaky/") && FLAKY_CALLS.incrementAndGet() == 1) {
                return new HttpSink.Response(503, Map.of("Retry-After", "3"), "busy");
            }
            return r.path().startsWith("/gone/") ? HttpSink.Response.status(410) : HttpSink.Response.ok("ok");
        });
    }

    @Inject
    WebhookSender sender;

    @AfterAll
    static void stop() {
        SINK.close();
    }

    private static List<HttpSink.Request> at(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static SendOutcome sent(java.util.concurrent.CompletableFuture<SendOutcome> outcome) throws Exception {
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAlertArrivesSignedSoThatTheReferenceLibraryVerifiesIt() throws Exception {
        String secret = WebhookSecrets.generate();
        String path = "/alert/" + UUID.randomUUID();
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), secret, TestAnnouncements.her2Btd("SW-1"));

        assertThat(sent(sender.send(job)).kind()).isEqualTo(SendOutcome.Kind.SENT);

        HttpSink.Request got = at(path).get(0);
        new Webhook(secret).verify(got.body(), ReceivedHeaders.of(got));
        assertThat(got.header("webhook-id")).isEqualTo(job.deliveryId().toString());
        assertThat(Long.parseLong(got.header("webhook-timestamp"))).isCloseTo(System.currentTimeMillis() / 1000,
                org.assertj.core.data.Offset.offset(300L));
        assertThat(got.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(TestJobs.JSON.readTree(got.body()).get("deliveryId").asText()).isEqualTo(job.deliveryId().toString());
        String other = WebhookSecrets.generate();
        assertThatThrownBy(() -> new Webhook(other).verify(got.body(), ReceivedHeaders.of(got)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(got.body() + " ", ReceivedHeaders.of(got)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theDeprecatedHeadersAreStillSentAndSignedWithTheCurrentSecret() throws Exception {
        String secret = WebhookSecrets.generate();
        String path = "/legacy/" + UUID.randomUUID();
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), secret, TestAnnouncements.her2Btd("SW-2"));

        sent(sender.send(job));

        HttpSink.Request got = at(path).get(0);
        assertThat(got.header("X-BioAlert-Delivery")).isEqualTo(job.deliveryId().toString());
        assertThat(got.header("Idempotency-Key")).isEqualTo(job.deliveryId().toString());
        assertThat(got.header("X-BioAlert-Timestamp")).isEqualTo(got.header("webhook-timestamp"));
        assertThat(WebhookSignature.verify(secret, got.header("X-BioAlert-Timestamp"), got.body(),
                got.header("X-BioAlert-Signature"), System.currentTimeMillis() / 1000, 300)).isTrue();
    }

    @Test
    void aRetriedDeliveryCarriesTheSameWebhookIdAndVerifiesEachTime() throws Exception {
        String secret = WebhookSecrets.generate();
        String path = "/flaky/" + UUID.randomUUID();
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), secret, TestAnnouncements.her2Btd("SW-3"));

        SendOutcome first = sent(sender.send(job));
        SendOutcome second = sent(sender.send(TestJobs.retried(job)));

        assertThat(first.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(second.kind()).isEqualTo(SendOutcome.Kind.SENT);
        List<HttpSink.Request> got = at(path);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"))
                .isEqualTo(job.deliveryId().toString());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        for (HttpSink.Request r : got) {
            new Webhook(secret).verify(r.body(), ReceivedHeaders.of(r));
        }
    }

    @Test
    void withinARotationsOverlapBothSecretsSignAndAfterItOnlyTheNewOne() throws Exception {
        String old = WebhookSecrets.generate();
        String fresh = WebhookSecrets.generate();
        String path = "/rotated/" + UUID.randomUUID();
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), null, TestAnnouncements.her2Btd("SW-4"));
        // Rotated 23 h and 25 h before the service's clock says now.
        Instant now = Instant.now();
        String within = WebhookSecrets.of(old).rotate(fresh, now.minus(Duration.ofHours(23))).stored();
        String after = WebhookSecrets.of(old).rotate(fresh, now.minus(Duration.ofHours(25))).stored();

        sent(sender.send(TestJobs.withSecret(job, within)));
        sent(sender.send(TestJobs.withSecret(TestJobs.retried(job), after)));

        HttpSink.Request during = at(path).get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(fresh).verify(during.body(), ReceivedHeaders.of(during));
        new Webhook(old).verify(during.body(), ReceivedHeaders.of(during));
        HttpSink.Request later = at(path).get(1);
        assertThat(later.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(fresh).verify(later.body(), ReceivedHeaders.of(later));
        assertThatThrownBy(() -> new Webhook(old).verify(later.body(), ReceivedHeaders.of(later)))
                .isInstanceOf(WebhookVerificationException.class);
        // The deprecated signature knows one secret: the current one.
        assertThat(WebhookSignature.verify(fresh, during.header("X-BioAlert-Timestamp"), during.body(),
                during.header("X-BioAlert-Signature"), System.currentTimeMillis() / 1000, 300)).isTrue();
    }

    @Test
    void aSecretStoredBeforeStandardWebhooksVerifiesByItsBytes() throws Exception {
        String legacy = "whsec_ab-cd_efghijklmnopqrstuvwxyz0123456789ABCDEFG";
        String path = "/legacy-secret/" + UUID.randomUUID();
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), legacy, TestAnnouncements.her2Btd("SW-5"));

        sent(sender.send(job));

        HttpSink.Request got = at(path).get(0);
        new Webhook(legacy.getBytes(StandardCharsets.UTF_8)).verify(got.body(), ReceivedHeaders.of(got));
    }

    @Test
    void aNoticeAndADigestAreSignedUnderTheirOwnIds() throws Exception {
        String secret = WebhookSecrets.generate();
        String path = "/notice/" + UUID.randomUUID();
        Notice notice = new Notice("catalyst_reminder", "In 7 days: X PDUFA date (FDA)", List.of("line"), null,
                TestJobs.JSON.createObjectNode().put("daysBefore", 7));
        DeliveryJob reminder = TestJobs.notice(Destination.Type.WEBHOOK, SINK.url(path), secret, notice);
        DeliveryJob a = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), secret, TestAnnouncements.her2Btd("SW-6"));
        DeliveryJob b = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url(path), secret, TestAnnouncements.her2PriorityReview("SW-6"));

        assertThat(sent(sender.sendNotice(reminder)).kind()).isEqualTo(SendOutcome.Kind.SENT);
        assertThat(sent(sender.sendDigest("digest-" + path, List.of(a, b))).kind()).isEqualTo(SendOutcome.Kind.SENT);

        List<HttpSink.Request> got = at(path);
        assertThat(got.get(0).header("webhook-id")).isEqualTo(reminder.deliveryId().toString());
        assertThat(TestJobs.JSON.readTree(got.get(0).body()).get("type").asText()).isEqualTo("catalyst_reminder");
        assertThat(got.get(1).header("webhook-id")).isEqualTo("digest-" + path);
        assertThat(TestJobs.JSON.readTree(got.get(1).body()).get("items")).hasSize(2);
        for (HttpSink.Request r : got) {
            new Webhook(secret).verify(r.body(), ReceivedHeaders.of(r));
        }
    }

    @Test
    void aGoneReceiverDisablesTheDestination() throws Exception {
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, SINK.url("/gone/" + UUID.randomUUID()),
                WebhookSecrets.generate(), TestAnnouncements.her2Btd("SW-7"));
        SendOutcome outcome = sent(sender.send(job));
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.DISABLE);
        assertThat(outcome.detail()).isEqualTo("receiver says gone (HTTP 410)");
    }
}
