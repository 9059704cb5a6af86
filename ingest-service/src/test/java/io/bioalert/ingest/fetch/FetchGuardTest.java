package io.bioalert.ingest.fetch;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.FeedServer;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RawHttpServer;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sources cannot reach inside the network, be redirected there, or hold the poller with an endless body. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FetchGuardTest {

    private static final String RSS = "application/rss+xml";
    private static final FeedServer server = new FeedServer();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSourceLeadingInsideTheNetworkIsRefusedWhenCreated() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed",
                "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/"}) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", "metadata", "kind", "FEED", "url", url))
                    .post("/api/sources").then().statusCode(400)
                    .body("fields[0].field", equalTo("url"))
                    .body("fields[0].message", containsString("allowlist"));
        }
    }

    @Test
    void redirectsAreFollowedByHandAndEachHopChecked() {
        String run = UUID.randomUUID().toString();
        server.serve("/" + run + "/rss.xml", RSS, feed(run), null)
                .route("/" + run + "/moved.xml", r -> new HttpSink.Response(301, Map.of("Location", "/" + run + "/rss.xml"), ""))
                .route("/" + run + "/inside.xml", r -> new HttpSink.Response(302,
                        Map.of("Location", "http://169.254.169.254/latest/meta-data/"), ""))
                .route("/" + run + "/loop.xml", r -> new HttpSink.Response(302, Map.of("Location", "/" + run + "/loop.xml"), ""));

        long moved = Api.createSource("moved-" + run.substring(0, 8), "FEED", server.url("/" + run + "/moved.xml"));
        assertThat(Api.poll(moved).getInt("newStories")).isEqualTo(1);

        long inside = Api.createSource("inside-" + run.substring(0, 8), "FEED", server.url("/" + run + "/inside.xml"));
        assertThat(Api.poll(inside).getString("error")).contains("refused").contains("169.254.169.254");
        assertThat(Api.source(inside).getString("lastError")).contains("refused");

        long loop = Api.createSource("loop-" + run.substring(0, 8), "FEED", server.url("/" + run + "/loop.xml"));
        assertThat(Api.poll(loop).getString("error")).contains("redirects");
        assertThat(server.requestsTo("/" + run + "/loop.xml")).isEqualTo(HttpFetcher.MAX_REDIRECTS + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FEED", "PAGE"})
    void anEndlessBodyIsCutAtTheByteCap(String kind) throws Exception {
        AtomicLong written = new AtomicLong();
        try (RawHttpServer endless = RawHttpServer.start(out -> {
            out.write(RawHttpServer.head(kind.equals("FEED") ? "Content-Type: application/rss+xml" : "Content-Type: text/html"));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            while (true) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        })) {
            long id = Api.createSource("endless-" + UUID.randomUUID().toString().substring(0, 8), kind, endless.url("/feed.xml"));
            assertThat(Api.poll(id).getString("error")).contains("body larger than 5000000 bytes");
            assertThat(Api.source(id).getString("lastError")).contains("body larger than 5000000 bytes");
            assertThat(endless.clientHungUp(Duration.ofSeconds(5))).isTrue();
            assertThat(written.get()).isLessThan(50_000_000L);
        }
    }

    @Test
    void aBodyThatTricklesIsCancelledAtTheTimeout() throws Exception {
        try (RawHttpServer trickle = RawHttpServer.start(out -> {
            out.write(RawHttpServer.head("Content-Type: application/rss+xml", "Content-Length: 100000"));
            while (true) {
                out.write('x');
                out.flush();
                Thread.sleep(100);
            }
        })) {
            long id = Api.createSource("trickle-" + UUID.randomUUID().toString().substring(0, 8), "FEED", trickle.url("/feed.xml"));
            long start = System.nanoTime();
            assertThat(Api.poll(id).getString("error")).contains("timed out"); // the test profile's 2 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(trickle.clientHungUp(Duration.ofSeconds(5))).isTrue();
        }
    }

    /** A feed of one story of its own, so that no other test's stories count as known. */
    private static String feed(String run) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Moved</title><link>https://moved.example.com/</link>
                <item><title>Moved Bio doses first patient in trial %1$s</title>
                <link>https://moved.example.com/news/%1$s</link><pubDate>Tue, 14 Oct 2025 08:00:00 GMT</pubDate>
                <description>Moved Bio announced that the first patient has been dosed in its trial %1$s of MB-1, an oral
                small molecule, in adults with a rare kidney disease.</description></item>
                </channel></rss>""".formatted(run);
    }

}
