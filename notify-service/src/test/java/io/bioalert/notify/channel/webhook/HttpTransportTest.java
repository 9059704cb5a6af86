package io.bioalert.notify.channel.webhook;

import io.bioalert.net.UrlGuard;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
}
