package io.bioalert.notify.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bioalert.net.UrlGuard;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RawHttpServer;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The transport sends to the address the guard checked, not to a second resolution of the host name. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class HttpTransportTest {

    private static final HttpSink SINK = HttpSink.start();

    @Inject
    HttpTransport http;

    @AfterAll
    static void stop() {
        SINK.close();
    }

    @Test
    void connectsToTheCheckedAddressWhateverTheNameResolvesToNow() throws Exception {
        // A .invalid name never resolves: the request can only arrive if the client used the pinned address.
        URI uri = URI.create("http://rebound.bioalert.invalid:" + SINK.port() + "/pinned");
        UrlGuard.Target pinned = new UrlGuard.Target(uri, InetAddress.getByName("127.0.0.1"));

        HttpTransport.Answer answer = http.post(pinned, Map.of("Content-Type", "application/json"), "{\"n\":1}")
                .get(10, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(200);
        HttpSink.Request received = SINK.requests().stream().filter(r -> r.path().equals("/pinned")).findFirst().orElseThrow();
        assertThat(received.header("Host")).isEqualTo("rebound.bioalert.invalid:" + SINK.port());
        assertThat(received.body()).isEqualTo("{\"n\":1}");
    }

    @Test
    void onlyTheStartOfAnEndlessReplyIsReadAndTheConnectionDropped() throws Exception {
        AtomicLong written = new AtomicLong();
        try (RawHttpServer endless = RawHttpServer.start(out -> {
            out.write(RawHttpServer.head("Content-Type: text/plain"));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            while (true) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        })) {
            HttpTransport.Answer answer = http.post(target(endless), Map.of(), "{}").get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).hasSize(HttpTransport.MAX_REPLY_BYTES);
            assertThat(endless.clientHungUp(Duration.ofSeconds(5))).isTrue();
            assertThat(written.get()).isLessThan(10_000_000L);
        }
    }

    @Test
    void aReplyStillTricklingAtTheTimeoutIsCancelled() throws Exception {
        try (RawHttpServer trickle = RawHttpServer.start(out -> {
            out.write(RawHttpServer.head("Content-Type: text/plain", "Content-Length: 100000"));
            while (true) {
                out.write('x');
                out.flush();
                Thread.sleep(200);
            }
        })) {
            assertThatThrownBy(() -> http.post(target(trickle), Map.of(), "{}").get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            assertThat(trickle.clientHungUp(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void retryAfterIsCappedWhateverItsSize() {
        assertThat(new HttpTransport.Answer(429, "120", "").retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(new HttpTransport.Answer(429, "99999999999999999999", "").retryAfter()).isEqualTo(HttpTransport.MAX_RETRY_AFTER);
        assertThat(new HttpTransport.Answer(429, "9223372036854775807", "").retryAfter()).isEqualTo(HttpTransport.MAX_RETRY_AFTER);
        assertThat(new HttpTransport.Answer(429, "86401", "").retryAfter()).isEqualTo(HttpTransport.MAX_RETRY_AFTER);
        assertThat(new HttpTransport.Answer(429, "-5", "").retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new HttpTransport.Answer(429, "Wed, 21 Oct 2099 07:28:00 GMT", "").retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new HttpTransport.Answer(200, null, "").retryAfter()).isNull();
    }

    private static UrlGuard.Target target(RawHttpServer server) throws Exception {
        return new UrlGuard.Target(URI.create(server.url("/hook")), InetAddress.getByName("127.0.0.1"));
    }
}
