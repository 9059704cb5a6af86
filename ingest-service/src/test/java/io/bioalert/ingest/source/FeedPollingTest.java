package io.bioalert.ingest.source;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.FeedServer;
import io.bioalert.ingest.support.Fixtures;
import io.bioalert.ingest.support.RawTopic;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RSS and Atom sources polled from a real local HTTP server; what reaches the real broker is asserted. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FeedPollingTest {

    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final FeedServer server = new FeedServer();
    private static final String HEALTHY_FEED = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Ardent</title>
            <item><title>Ardent Renal closes Series B financing</title><link>https://ardent.example.com/n/series-b</link>
            <description>Ardent Renal closed an oversubscribed Series B financing of 120 million dollars to fund the
            clinical development of its kidney-targeted siRNA programs through proof of concept.</description></item>
            <item><title>Ardent Renal appoints chief medical officer</title><link>https://ardent.example.com/n/cmo</link>
            <description>Ardent Renal appointed a nephrologist with twenty years of drug development experience as
            chief medical officer, effective next month.</description></item>
            </channel></rss>""";

    @Inject
    SourceService sources;

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void feedsArePublishedOncePerStoryAcrossPollsAndFeeds() {
        server.serve("/marrow/rss.xml", RSS, Fixtures.text("feeds/rss.xml"), "\"v1\"")
                .serve("/kestrel/atom.xml", "application/atom+xml", Fixtures.text("feeds/atom.xml"), null)
                .serve("/renal/feed.xml", RSS, Fixtures.text("feeds/syndicated.xml"), null);
        long marrow = Api.createSource("marrow", "FEED", server.url("/marrow/rss.xml"));
        long kestrel = Api.createSource("kestrel", "FEED", server.url("/kestrel/atom.xml"));
        long renal = Api.createSource("renal-wire", "FEED", server.url("/renal/feed.xml"));

        assertThat(Api.poll(marrow).getInt("newStories")).isEqualTo(2);
        assertThat(Api.poll(kestrel).getInt("newStories")).isEqualTo(1);
        String phase3 = Api.idByTitle("marrow", "Marrow Pharma starts Phase 3 trial of MP-410 in IgA nephropathy");
        String license = Api.idByTitle("kestrel", "Kestrel Oncology licenses KO-88 ADC to a global partner");

        List<ConsumerRecord<String, String>> published = RawTopic.withKey(phase3);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).value())
                .contains("\"schemaVersion\":1", "\"publishedAt\":\"2025-10-14\"", "\"source\":\"marrow\"",
                        "\"url\":\"https://marrow.example.com/news/mp-410-phase-3\"", "first patient has been dosed")
                .doesNotContain("utm_source", "Image Source", "newsletter", "<p>");
        assertThat(RawTopic.withKey(license)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"publishedAt\":\"2025-11-03\"", "80 million US dollars"));

        // Unchanged feed: a conditional GET, answered 304, publishes nothing.
        assertThat(Api.poll(marrow).getString("outcome")).isEqualTo("NOT_MODIFIED");
        assertThat(server.requests("/marrow/rss.xml").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requests("/marrow/rss.xml").get(1).header("User-Agent")).contains("BioAlert");
        // A server without validators sends the same feed again: the stories are known, nothing is published.
        JsonPath again = Api.poll(kestrel);
        assertThat(again.getString("outcome")).isEqualTo("OK");
        assertThat(again.getInt("newStories")).isZero();

        // The same release syndicated by another feed, with its own dateline and credit: one announcement.
        JsonPath syndicated = Api.poll(renal);
        assertThat(syndicated.getInt("stories")).isEqualTo(1);
        assertThat(syndicated.getInt("newStories")).isZero();

        assertThat(RawTopic.countWithKey(phase3)).isEqualTo(1);
        assertThat(RawTopic.countWithKey(license)).isEqualTo(1);
        assertThat(RawTopic.all()).noneMatch(r -> r.value().contains("renal-wire"));
        assertThat(Api.announcement(phase3).getList("urls", String.class)).containsExactly(
                "https://marrow.example.com/news/mp-410-phase-3",
                "https://renalwire.example.net/2025/10/14/marrow-pharma-mp-410-phase-3");
        assertThat(Api.source(marrow).getInt("storiesNew")).isEqualTo(2);
    }

    @Test
    void brokenSourcesAreMarkedFailingWithTheirErrorAndDoNotStopTheOthers() {
        server.serve("/broken/feed.xml", RSS, Fixtures.text("feeds/malformed.xml"), null)
                .route("/down/feed.xml", r -> HttpSink.Response.status(500))
                .route("/slow/feed.xml", r -> {
                    sleep(Duration.ofSeconds(4)); // the test profile times requests out after 2 s
                    return HttpSink.Response.ok("too late");
                })
                .serve("/healthy/feed.xml", RSS, HEALTHY_FEED, null);
        long broken = Api.createSource("broken", "FEED", server.url("/broken/feed.xml"));
        long down = Api.createSource("down", "FEED", server.url("/down/feed.xml"));
        long slow = Api.createSource("slow", "FEED", server.url("/slow/feed.xml"));
        long healthy = Api.createSource("healthy", "FEED", server.url("/healthy/feed.xml"));

        assertThat(Api.poll(broken).getString("error")).contains("not a readable RSS/Atom feed");
        assertThat(Api.poll(down).getString("error")).contains("HTTP 500");
        assertThat(Api.poll(slow).getString("error")).contains("timed out");
        assertThat(Api.source(broken).getString("status")).isEqualTo("ACTIVE");
        assertThat(Api.source(broken).getInt("consecutiveFailures")).isEqualTo(1);

        Api.poll(broken);
        Api.poll(down);
        JsonPath failing = Api.source(broken);
        assertThat(failing.getString("status")).isEqualTo("FAILING");
        assertThat(failing.getInt("consecutiveFailures")).isEqualTo(2);
        assertThat(failing.getString("lastError")).contains("not a readable RSS/Atom feed");
        assertThat(Api.source(down).getString("status")).isEqualTo("FAILING");
        // Backoff: the next poll of a failing source is pushed well past its 10-minute interval.
        assertThat(java.time.Instant.parse(failing.getString("nextPollAt")))
                .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(35)));

        assertThat(Api.poll(healthy).getInt("newStories")).isEqualTo(2);
        assertThat(Api.source(healthy).getString("status")).isEqualTo("ACTIVE");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("bioalert_ingest_sources{status=\"failing\"} 2.0"))
                .body(containsString("bioalert_ingest_polls_total{outcome=\"failed\",source=\"broken\"} 2.0"));

        // A failing source that recovers is active again.
        server.serve("/broken/feed.xml", RSS, "<rss version=\"2.0\"><channel><title>t</title></channel></rss>", null);
        assertThat(Api.poll(broken).getString("outcome")).isEqualTo("OK");
        assertThat(Api.source(broken).getString("status")).isEqualTo("ACTIVE");
        assertThat(Api.source(broken).getString("lastError")).isNull();
    }

    @Test
    void dueSourcesAreClaimedOnceUntilTheirPollIsRecorded() {
        server.serve("/claim/feed.xml", RSS, "<rss version=\"2.0\"><channel><title>t</title></channel></rss>", null);
        long id = Api.createSource("claim-me", "FEED", server.url("/claim/feed.xml"));

        assertThat(sources.claimDue(Duration.ofMinutes(10))).contains(id);
        // A second instance (or tick) asking now gets nothing: the lease pushed the next poll out.
        assertThat(sources.claimDue(Duration.ofMinutes(10))).doesNotContain(id);
    }

    @Test
    void sourcesAreManagedThroughTheApi() {
        long id = Api.createSource("managed", "FEED", "https://managed.example.com/feed.xml");
        given().contentType("application/json").body(Map.of("name", "managed", "kind", "FEED", "url", "https://x.example/f"))
                .post("/api/sources").then().statusCode(409);
        given().contentType("application/json").body(Map.of("name", "bad", "kind", "FEED", "url", "ftp://x"))
                .post("/api/sources").then().statusCode(400).body("fields[0].field", org.hamcrest.Matchers.equalTo("url"));
        given().contentType("application/json").body("{\"name\": \"bad\", \"kind\": \"PODCAST\", \"url\": \"https://x.example\"}")
                .post("/api/sources").then().statusCode(400);

        given().post("/api/sources/{id}/pause", id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PAUSED"));
        assertThat(sources.claimDue(Duration.ofMinutes(10))).doesNotContain(id);
        given().post("/api/sources/{id}/resume", id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        assertThat(given().get("/api/sources").then().statusCode(200).extract().jsonPath().getList("name", String.class))
                .contains("managed");
        given().delete("/api/sources/{id}", id).then().statusCode(204);
        given().get("/api/sources/{id}", id).then().statusCode(404);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
