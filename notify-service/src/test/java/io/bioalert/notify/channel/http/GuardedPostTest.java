package io.bioalert.notify.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every way a channel's POST can go ends as an outcome, and only the channel judges an answer. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class GuardedPostTest {

    private static final HttpSink SINK = HttpSink.start()
            .respondWith(r -> new HttpSink.Response(202, Map.of("Retry-After", "5"), "accepted"));
    private static final byte[] BODY = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

    @Inject
    GuardedPost post;

    @AfterAll
    static void stop() {
        SINK.close();
    }

    @Test
    void anAnswerIsHandedToTheChannelsJudgeWithTheHeadersAndBodySent() throws Exception {
        String path = "/judged/" + UUID.randomUUID();
        AtomicReference<HttpTransport.Answer> seen = new AtomicReference<>();

        SendOutcome outcome = post.post("test", SINK.url(path), Map.of("X-Test", "yes"), BODY, a -> {
            seen.set(a);
            return SendOutcome.sent("judged " + a.status());
        }).get(10, TimeUnit.SECONDS);

        assertThat(outcome.detail()).isEqualTo("judged 202");
        assertThat(seen.get().body()).isEqualTo("accepted");
        assertThat(seen.get().retryAfterHeader()).isEqualTo("5");
        HttpSink.Request got = SINK.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        assertThat(got.header("X-Test")).isEqualTo("yes");
        assertThat(got.body()).isEqualTo("{\"n\":1}");
    }

    @Test
    void anAddressTheGuardRefusesDisablesTheDestinationWithoutARequest() throws Exception {
        // Link-local (cloud metadata): not in the tests' allowed hosts.
        SendOutcome outcome = post.post("Slack", "http://169.254.169.254/latest/meta-data", Map.of(), BODY,
                a -> SendOutcome.sent("must not be asked")).get(10, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.DISABLE);
        assertThat(outcome.detail()).startsWith("Slack URL refused: ");
    }

    @Test
    void aNameThatDoesNotResolveIsRetried() throws Exception {
        SendOutcome outcome = post.post("webhook", "http://nowhere.bioalert.invalid/hook", Map.of(), BODY,
                a -> SendOutcome.sent("must not be asked")).get(10, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(outcome.detail()).startsWith("webhook unreachable: ");
    }

    @Test
    void aRefusedConnectionIsRetriedAndNamedByItsCause() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SendOutcome outcome = post.post("webhook", "http://127.0.0.1:" + closed + "/hook", Map.of(), BODY,
                a -> SendOutcome.sent("must not be asked")).get(10, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(outcome.detail()).startsWith("webhook unreachable: ").contains("Connect");
    }

    @Test
    void theRootCauseNamesTheInnermostException() {
        Exception nested = new RuntimeException("outer", new IllegalStateException("inner"));
        assertThat(GuardedPost.rootMessage(nested)).isEqualTo("IllegalStateException: inner");
        assertThat(GuardedPost.rootMessage(new java.util.concurrent.TimeoutException())).isEqualTo("TimeoutException");
    }
}
